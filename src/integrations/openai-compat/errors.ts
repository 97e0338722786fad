import type { Context, ErrorHandler, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../../http/errors.js'

/** OpenAI's error object: `{ error: { message, type, param, code } }`. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

const TYPES: Partial<Record<number, string>> = {
  401: 'authentication_error',
  403: 'permission_error',
  429: 'rate_limit_error',
}

/** OpenAI's `type` for a status: `invalid_request_error` for 4xx, `server_error` for 5xx. */
export const errorType = (status: number) => TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error')

/** A failure on the `/v1` API, rendered in OpenAI's error shape. */
export class OpenAiError extends Error {
  override name = 'OpenAiError'
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
  ) {
    super(message)
  }

  body(): OpenAiErrorBody {
    return { error: { message: this.message, type: errorType(this.status), param: this.param, code: this.code } }
  }
}

export const openAiErrorResponse = (c: Context, error: OpenAiError) => c.json(error.body(), error.status)

/** Maps anything thrown under `/v1` to OpenAI's error shape; unknown errors become a 500 without details. */
export function onOpenAiError(log: (error: unknown, c: Context) => void): ErrorHandler {
  return (err, c) => {
    if (err instanceof OpenAiError) return openAiErrorResponse(c, err)
    if (err instanceof ApiError) return openAiErrorResponse(c, new OpenAiError(err.status, err.message, err.code))
    if (err instanceof HTTPException) {
      const malformed = err.status === 400 && /malformed json/i.test(err.message)
      const message = malformed ? 'We could not parse the JSON body of your request.' : err.message || 'Request failed'
      return openAiErrorResponse(c, new OpenAiError(err.status as ContentfulStatusCode, message, malformed ? 'invalid_json' : null))
    }
    log(err, c)
    return openAiErrorResponse(c, new OpenAiError(500, 'The server had an error while processing your request.', 'internal_error'))
  }
}

/**
 * Rewrites the app's `{ error: { code, message } }` envelope into OpenAI's shape (same `code` and
 * `message`, plus `type` and `param`) for failures raised in front of the `/v1` routes: API keys,
 * rate limits, the request deadline. Headers such as `WWW-Authenticate` and `Retry-After` stay.
 */
export const openAiErrorShape: MiddlewareHandler = async (c, next) => {
  await next()
  if (c.res.status < 400 || !/^application\/json/i.test(c.res.headers.get('content-type') ?? '')) return
  const body = (await c.res.clone().json().catch(() => undefined)) as { error?: Record<string, unknown> } | undefined
  const error = body?.error
  if (!error || typeof error.message !== 'string' || 'type' in error) return
  const code = typeof error.code === 'string' ? error.code : null
  const reshaped: OpenAiErrorBody = { error: { message: error.message, type: errorType(c.res.status), param: null, code } }
  c.res = new Response(JSON.stringify(reshaped), { status: c.res.status, headers: { 'content-type': 'application/json' } })
}
