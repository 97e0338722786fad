import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface ErrorEnvelope {
  error: { code: string; message: string }
}

/** A failure the client can act on, rendered as the JSON envelope with its status. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const envelope = (code: string, message: string): ErrorEnvelope => ({ error: { code, message } })

export const errorResponse = (c: Context, status: ContentfulStatusCode, code: string, message: string) =>
  c.json(envelope(code, message), status)

const CODES: Partial<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
}

/** Maps every thrown error to the envelope; unknown errors become a 500 without details. */
export function onError(log: (error: unknown, c: Context) => void = () => {}): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message)
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode
      const malformed = status === 400 && /malformed json/i.test(err.message)
      return errorResponse(c, status, malformed ? 'invalid_json' : (CODES[status] ?? 'error'), malformed ? 'Request body is not valid JSON' : err.message || 'Request failed')
    }
    log(err, c)
    return errorResponse(c, 500, 'internal_error', 'Internal server error')
  }
}

export const notFound: NotFoundHandler = (c) => errorResponse(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)

/** Turns thrown non-`Error` values (strings, null, plain objects) into Errors so `onError` sees them too. */
export const wrapNonErrors: MiddlewareHandler = async (_c, next) => {
  try {
    await next()
  } catch (thrown) {
    throw thrown instanceof Error ? thrown : new Error('A non-Error value was thrown', { cause: thrown })
  }
}
