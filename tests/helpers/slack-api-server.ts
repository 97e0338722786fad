import type { ServerResponse } from 'node:http'
import { reply, startRecorder, type Recorded } from './recorder.js'

export interface SlackCall {
  method: string
  params: Record<string, unknown>
  token: string | undefined
  status: number
  at: number
}

export interface FakeSlackApi {
  /** Pass as SLACK_API_URL. */
  url: string
  calls: SlackCall[]
  /** Answers the next `count` `chat.postMessage` calls with 429 and `Retry-After: seconds`. */
  rateLimitNext(count: number, seconds: number): void
  /** Messages `conversations.replies` returns. */
  thread: { ts: string; text: string; user?: string; bot_id?: string }[]
  close(): Promise<void>
}

/** Decodes a Web API form body; `blocks` and other JSON-valued params arrive JSON-encoded. */
function decode(raw: string): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) params[key] = key === 'blocks' ? JSON.parse(value) : value
  return params
}

/** A real local HTTP server speaking the two Slack Web API methods the bot uses, recording every call. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const recorder = await startRecorder()
  const calls: SlackCall[] = []
  let limited = 0
  let retryAfter = 1
  const api: FakeSlackApi = {
    url: `${recorder.url}/api/`,
    calls,
    thread: [],
    rateLimitNext: (count, seconds) => {
      limited = count
      retryAfter = seconds
    },
    close: () => recorder.close(),
  }
  recorder.respond((req: Recorded, res: ServerResponse) => {
    const method = req.path.replace(/^\/api\//, '').replace(/\?.*$/, '')
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const call: SlackCall = { method, params: decode(req.raw), token, status: 200, at: req.at }
    calls.push(call)
    if (method === 'chat.postMessage' && limited > 0) {
      limited--
      call.status = 429
      return reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) })
    }
    if (method === 'chat.postMessage') return reply(res, 200, { ok: true, channel: call.params.channel, ts: `${Date.now() / 1000}` })
    if (method === 'conversations.replies') return reply(res, 200, { ok: true, messages: api.thread, has_more: false })
    reply(res, 200, { ok: false, error: 'unknown_method' })
  })
  return api
}
