import { canStream, type AnswerEvent, type Answerer, type AskInput } from '../../answer/answerer.js'
import type { AskResponse } from '../../core/types.js'
import { sourcesFootnotes, withSources } from '../sources.js'
import { chatChunk, usageChunk, usageOf, type CompletionMeta } from './completion.js'

/** Said when a model answer broke off mid-stream and the answer from the documents follows it. */
export const REPLACED_NOTICE = 'The answer above could not be completed. Answer from the documents:'

/** The answerer's events: streamed when it can stream, otherwise one `done`. */
export async function* answerEvents(answerer: Answerer, input: AskInput, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
  if (canStream(answerer)) yield* answerer.stream(input, signal)
  else yield { type: 'done', response: await answerer.ask(input, signal) }
}

/**
 * What still has to be sent once the full response is known, after `streamed` went out: the rest of
 * the answer and the Sources list; or, when the response replaced the streamed text (a fallback after
 * the model broke off), a notice and the whole response, so the Sources match the visible markers.
 */
export function continuation(streamed: string, response: AskResponse, baseUrl: string | undefined): string {
  if (!streamed) return withSources(response, baseUrl)
  if (response.answer.startsWith(streamed)) return response.answer.slice(streamed.length) + sourcesFootnotes(response, baseUrl)
  return `\n\n${REPLACED_NOTICE}\n\n${withSources(response, baseUrl)}`
}

export interface ChunkOptions {
  meta: CompletionMeta
  baseUrl: string | undefined
  includeUsage: boolean
  /** The prompt text, for the usage estimate. */
  prompt: string
}

/**
 * Turns answer events into `chat.completion.chunk` objects: a role chunk, content deltas, the last
 * chunk with `finish_reason: "stop"` and the citations, then the usage chunk when asked for.
 */
export async function* completionChunks(events: AsyncIterable<AnswerEvent>, { meta, baseUrl, includeUsage, prompt }: ChunkOptions) {
  yield chatChunk(meta, { role: 'assistant', content: '' })
  let streamed = ''
  for await (const event of events) {
    if (event.type === 'token') {
      streamed += event.text
      yield chatChunk(meta, { content: event.text })
      continue
    }
    const rest = continuation(streamed, event.response, baseUrl)
    if (rest) yield chatChunk(meta, { content: rest })
    yield chatChunk(meta, {}, event.response)
    if (includeUsage) yield usageChunk(meta, usageOf(prompt, streamed + rest))
    return
  }
  throw new Error('the answer stream ended without a response')
}
