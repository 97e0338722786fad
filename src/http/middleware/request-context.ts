import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../context.js'
import { bindLazily, type Logger } from '../logger.js'

/** Accepted incoming request ids: short, printable, no spaces; anything else is replaced. */
const VALID_ID = /^[\w.:-]{1,128}$/

/**
 * Gives every request an id (a sane incoming `X-Request-Id` or a fresh UUID), echoes it on the
 * response, binds it to a per-request logger and writes one access-log line when the response is done.
 */
export function requestContext(logger: Logger, options: { logQuestions: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', requestId)
    c.set('log', bindLazily(logger, { requestId }))
    await next()
    c.res.headers.set('X-Request-Id', requestId)
    const question = options.logQuestions ? c.get('question') : undefined
    const fields = { requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, ...(question !== undefined ? { question } : {}) }
    if (c.res.status >= 500) logger.warn(fields, 'request failed')
    else logger.info(fields, 'request')
  }
}
