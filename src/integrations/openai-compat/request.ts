import * as z from 'zod'
import type { AskInput } from '../../answer/answerer.js'
import type { HistoryTurn } from '../../core/types.js'
import { AskRequestSchema } from '../../http/schemas.js'
import { describeIssues } from '../../http/validate.js'
import { stripSources } from '../sources.js'
import { OpenAiError } from './errors.js'

/** The one model this API serves. */
export const MODEL_ID = 'blueprint-qa'

const MAX_HISTORY_TURNS = 20
const MAX_TURN_CHARS = 4000

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() })

const MessageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
})

/** A standard chat completion request; parameters this service has no use for (temperature, tools …) are ignored. */
export const ChatRequestSchema = z.looseObject({
  model: z.string({ message: 'you must provide a model parameter' }).min(1, 'you must provide a model parameter'),
  messages: z.array(MessageSchema, { message: 'messages must be an array of messages' }).min(1, 'messages must not be empty').max(500),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.literal(1, { message: 'only n = 1 is supported' }).nullish(),
})

export type ChatRequest = z.output<typeof ChatRequestSchema>
type Message = ChatRequest['messages'][number]

/** Text of a message: a string, or the `text` parts of a content array joined by newlines. */
export function textOf(content: Message['content']): string {
  if (typeof content === 'string') return content
  if (!content) return ''
  return content
    .filter((p) => (p.type === 'text' || p.type === 'input_text') && typeof p.text === 'string')
    .map((p) => p.text)
    .join('\n')
}

/**
 * The question is the last user message; earlier user and assistant messages become the history
 * (the last 20, each cut to 4000 characters, our own "Sources:" lists removed). System, developer
 * and tool messages are ignored: they are instructions to a model, and this service takes none.
 */
export function toAskInput(messages: readonly Message[]): AskInput {
  let last = -1
  for (let i = messages.length - 1; i >= 0 && last < 0; i--) if (messages[i]!.role === 'user' && textOf(messages[i]!.content).trim()) last = i
  if (last < 0) throw new OpenAiError(400, 'messages must contain a user message with text content', null, 'messages')
  const history: HistoryTurn[] = messages
    .slice(0, last)
    .filter((m): m is Message & { role: HistoryTurn['role'] } => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role, content: (m.role === 'assistant' ? stripSources(textOf(m.content)) : textOf(m.content)).slice(0, MAX_TURN_CHARS) }))
    .filter((t) => t.content.trim())
    .slice(-MAX_HISTORY_TURNS)
  const parsed = AskRequestSchema.safeParse({ question: textOf(messages[last]!.content), history })
  if (!parsed.success) throw new OpenAiError(400, describeIssues(parsed.error), null, `messages[${last}].content`)
  return { question: parsed.data.question, history: parsed.data.history?.length ? parsed.data.history : undefined }
}
