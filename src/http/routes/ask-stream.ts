import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { canStream, type AnswerEvent, type Answerer, type AskInput } from '../../answer/answerer.js'
import type { Services } from '../../services.js'
import { requestSignal } from '../context.js'
import { envelope } from '../errors.js'
import { AskRequestSchema } from '../schemas.js'
import { requireJson, validate } from '../validate.js'

async function* events(answerer: Answerer, input: AskInput, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
  if (canStream(answerer)) yield* answerer.stream(input, signal)
  else yield { type: 'done', response: await answerer.ask(input, signal) }
}

/**
 * `POST /ask/stream`: Server-Sent Events. `token` events carry text deltas (`{ text }`), then one
 * `done` event carries the full AskResponse, which is authoritative (on a fallback mid-stream it
 * replaces the streamed text). A failure sends one `error` event with the error envelope. When the
 * client goes away, the answerer's signal aborts the upstream model call.
 */
export function askStreamRoutes(services: Services, logError: (error: unknown) => void = () => {}) {
  return new Hono().post('/ask/stream', requireJson, validate('json', AskRequestSchema), (c) => {
    const { question, history } = c.req.valid('json')
    const abort = new AbortController()
    requestSignal(c).addEventListener('abort', () => abort.abort(), { once: true })
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => abort.abort())
      let streamed = ''
      try {
        for await (const event of events(services.answerer, { question, history }, abort.signal)) {
          if (abort.signal.aborted) break
          if (event.type === 'token') {
            streamed += event.text
            await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: event.text }) })
            continue
          }
          if (!streamed) await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: event.response.answer }) })
          await stream.writeSSE({ event: 'done', data: JSON.stringify(event.response) })
        }
      } catch (error) {
        if (abort.signal.aborted) return
        logError(error)
        await stream.writeSSE({ event: 'error', data: JSON.stringify(envelope('internal_error', 'The answer could not be completed')) })
      }
    })
  })
}
