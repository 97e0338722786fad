import type { AskResponse } from '../../core/types.js'
import { MODEL_ID } from './request.js'

/** What this service adds to OpenAI's objects: the `/ask` citations, `grounded` and the answer's `source`. */
export type AnswerExtras = Pick<AskResponse, 'citations' | 'grounded' | 'source' | 'fallbackReason'>

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

/** Identity shared by every object of one completion. */
export interface CompletionMeta {
  id: string
  created: number
}

export const newCompletion = (): CompletionMeta => ({ id: `chatcmpl-${crypto.randomUUID().replace(/-/g, '')}`, created: Math.floor(Date.now() / 1000) })

/** A rough token count (about four characters per token); no tokenizer is involved. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4)

export const usageOf = (prompt: string, completion: string): Usage => {
  const [p, c] = [estimateTokens(prompt), estimateTokens(completion)]
  return { prompt_tokens: p, completion_tokens: c, total_tokens: p + c }
}

export const extrasOf = ({ citations, grounded, source, fallbackReason }: AskResponse): AnswerExtras => ({
  citations,
  grounded,
  source,
  ...(fallbackReason ? { fallbackReason } : {}),
})

/** A whole `chat.completion` object. */
export function chatCompletion(meta: CompletionMeta, content: string, response: AskResponse, usage: Usage) {
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: MODEL_ID,
    system_fingerprint: null,
    choices: [{ index: 0, message: { role: 'assistant' as const, content, refusal: null }, finish_reason: 'stop' as const, logprobs: null }],
    usage,
    ...extrasOf(response),
  }
}

type Delta = { role?: 'assistant'; content?: string }

/** One `chat.completion.chunk`: a content delta, or the last chunk with `finish_reason` and the extras. */
export function chatChunk(meta: CompletionMeta, delta: Delta, finish?: AskResponse) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk' as const,
    created: meta.created,
    model: MODEL_ID,
    system_fingerprint: null,
    choices: [{ index: 0, delta, finish_reason: finish ? ('stop' as const) : null, logprobs: null }],
    ...(finish ? extrasOf(finish) : {}),
  }
}

/** The usage chunk sent when `stream_options.include_usage` is set: no choices. */
export const usageChunk = (meta: CompletionMeta, usage: Usage) => ({
  id: meta.id,
  object: 'chat.completion.chunk' as const,
  created: meta.created,
  model: MODEL_ID,
  system_fingerprint: null,
  choices: [],
  usage,
})

/** `GET /v1/models` */
export const modelList = (created: number) => ({
  object: 'list' as const,
  data: [{ id: MODEL_ID, object: 'model' as const, created, owned_by: 'blueprint-qa' }],
})
