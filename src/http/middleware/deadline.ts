import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../context.js'
import { ApiError } from '../errors.js'

/**
 * Bounds every request: when `ms` pass before the handler returns a response, the request's
 * `deadline` signal aborts (cancelling work that listens to `requestSignal(c)`) and the client
 * gets 504 `timeout`. For an event stream the deadline keeps running after the headers are sent,
 * so a stream that honours `requestSignal(c)` also ends by then; once a stream ends, its deadline goes. The `deadline` signal also aborts
 * when the client disconnects. The signal is made on first use: work that cannot be cancelled
 * (the offline answerer) never asks for it, and on Node 20 each `AbortSignal` is costly.
 * (No `AbortSignal.any`: on Node 20 it leaks about 3 KB per call.)
 */
export function deadline(ms: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let controller: AbortController | undefined
    let client: AbortSignal | undefined
    const onClientAbort = () => controller!.abort(client!.reason)
    c.set('deadline', () => {
      if (!controller) {
        controller = new AbortController()
        client = c.req.raw.signal
        if (client.aborted) onClientAbort()
        else client.addEventListener('abort', onClientAbort, { once: true })
      }
      return controller.signal
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller?.abort(new DOMException(`Request exceeded ${ms} ms`, 'TimeoutError'))
        reject(new ApiError(504, 'timeout', `The request took longer than ${ms} ms`))
      }, ms)
    })
    expired.catch(() => {})
    const done = () => {
      clearTimeout(timer)
      client?.removeEventListener('abort', onClientAbort)
    }
    try {
      await Promise.race([next(), expired])
    } finally {
      const stream = /^text\/event-stream/i.test(c.res.headers.get('content-type') ?? '') ? c.res.body : null
      if (!stream || controller?.signal.aborted) done()
      // A stream keeps its deadline until its last event is written, then lets it go.
      else c.res = new Response(stream.pipeThrough(new TransformStream({ flush: done })), c.res)
    }
  }
}
