import type { Answerer } from '../../answer/answerer.js'
import type { HistoryTurn } from '../../core/types.js'
import type { SlackApi, ThreadMessage } from './client.js'
import type { TtlSet } from './dedupe.js'
import { answerMessage, noticeMessage } from './format.js'
import { slackTextToPlain } from './text.js'

export interface SlackEvent {
  type?: string
  subtype?: string
  channel_type?: string
  channel?: string
  user?: string
  bot_id?: string
  text?: string
  ts?: string
  thread_ts?: string
}

export interface EventEnvelope {
  type?: string
  challenge?: string
  event_id?: string
  event?: SlackEvent
  authorizations?: { user_id?: string; is_bot?: boolean }[]
}

export interface Question {
  channel: string
  ts: string
  threadTs: string | undefined
  text: string
  botUserId: string | undefined
}

const MAX_HISTORY = 20

/**
 * Decides whether an event deserves an answer: `app_mention`s and direct messages from people,
 * each event id (and each message) only once. Bot messages, the bot's own included, are ignored.
 *
 * @example const q = questionFromEvent(envelope, seen); if (q) defer(answerInThread(q, deps))
 */
export function questionFromEvent(envelope: EventEnvelope, seen: TtlSet): Question | undefined {
  const event = envelope.event
  if (envelope.type !== 'event_callback' || !event || !envelope.event_id) return undefined
  if (!seen.add(`event:${envelope.event_id}`)) return undefined
  const botUserId = envelope.authorizations?.find((a) => a.is_bot)?.user_id
  const direct = event.type === 'message' && event.channel_type === 'im' && !event.subtype
  if (event.type !== 'app_mention' && !direct) return undefined
  if (event.bot_id || event.subtype === 'bot_message' || !event.user || event.user === botUserId) return undefined
  if (!event.channel || !event.ts) return undefined
  if (!seen.add(`message:${event.channel}:${event.ts}`)) return undefined
  return { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: slackTextToPlain(event.text ?? ''), botUserId }
}

/** Turns the thread's earlier messages into `history`: the bot's are `assistant`, people's are `user`. */
export function threadHistory(messages: ThreadMessage[], before: string, botUserId: string | undefined): HistoryTurn[] {
  return messages
    .filter((m) => Number(m.ts) < Number(before))
    .map((m): HistoryTurn => ({ role: m.botId || (botUserId && m.user === botUserId) ? 'assistant' : 'user', content: slackTextToPlain(m.text).slice(0, 4000) }))
    .filter((turn) => turn.content.length > 0)
    .slice(-MAX_HISTORY)
}

export interface AnswerDeps {
  answerer: Answerer
  slack: SlackApi
  baseUrl: string
}

/** Answers a question in its thread, with the thread's earlier turns as history. */
export async function answerInThread(q: Question, { answerer, slack, baseUrl }: AnswerDeps): Promise<void> {
  const target = { channel: q.channel, threadTs: q.threadTs ?? q.ts }
  if (!q.text) return slack.postMessage(target, noticeMessage('Ask me a question about the documents, for example: which cities host kaolin clusters?'))
  try {
    const inThread = q.threadTs !== undefined && q.threadTs !== q.ts
    const history = inThread ? threadHistory(await slack.threadReplies(q.channel, q.threadTs!, 100), q.ts, q.botUserId) : []
    const response = await answerer.ask({ question: q.text.slice(0, 2000), history })
    await slack.postMessage(target, answerMessage(response, { question: q.text, baseUrl }))
  } catch (error) {
    await slack.postMessage(target, noticeMessage('Sorry, something went wrong while answering. Please try again.')).catch(() => {})
    throw error
  }
}
