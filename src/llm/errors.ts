/**
 * Why a configured model did not write the answer. Each value is documented in the README.
 * - `no_relevant_passages`: retrieval found nothing relevant, so the model was not called.
 * - `timeout`: no complete answer within `LLM_TIMEOUT_MS`.
 * - `connection_error`: the endpoint could not be reached.
 * - `rate_limited`: HTTP 429, and retrying (honouring `Retry-After`) did not fit the deadline.
 * - `server_error`: HTTP 5xx after bounded retries.
 * - `upstream_error`: any other HTTP error, e.g. 401 or 404 (wrong key or model).
 * - `stream_interrupted`: the model's stream broke off after it had started.
 * - `malformed_output`: the output was not the JSON object asked for.
 * - `no_valid_citations`: no sentence of the answer kept a verified citation.
 */
export type FallbackReason =
  | 'no_relevant_passages'
  | 'timeout'
  | 'connection_error'
  | 'rate_limited'
  | 'server_error'
  | 'upstream_error'
  | 'stream_interrupted'
  | 'malformed_output'
  | 'no_valid_citations'

/** The model path gave up for a known reason; the fallback answer is used instead. */
export class ModelFallbackError extends Error {
  override name = 'ModelFallbackError'
  constructor(readonly reason: FallbackReason, message: string = reason) {
    super(message)
  }
}

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

const header = (error: unknown, name: string): string | undefined => {
  const headers = (error as { headers?: unknown } | null)?.headers
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const value = (headers as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}

/** `Retry-After` (seconds or an HTTP date) or `retry-after-ms` of a failed call, in milliseconds. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const ms = Number(header(error, 'retry-after-ms'))
  if (Number.isFinite(ms) && ms >= 0 && header(error, 'retry-after-ms') !== undefined) return ms
  const value = header(error, 'retry-after')?.trim()
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const isConnectionError = (error: unknown) => {
  const name = (error as { constructor?: { name?: string }; name?: string } | null)?.constructor?.name
  return name === 'APIConnectionError' || /ECONNREFUSED|ECONNRESET|fetch failed|socket/i.test(String((error as Error)?.message))
}

/** Delay before retrying a failed call, or undefined when it must not be retried. */
export function retryDelay(error: unknown, attempt: number, baseMs = 100): number | undefined {
  const status = statusOf(error)
  const retryable = status === 429 || (status !== undefined && status >= 500) || (status === undefined && isConnectionError(error))
  if (!retryable) return undefined
  return retryAfterMs(error) ?? baseMs * 2 ** attempt
}

/** Maps a failure of the model call to a fallback reason. */
export function fallbackReason(error: unknown, timedOut: boolean, started: boolean): FallbackReason {
  if (error instanceof ModelFallbackError) return error.reason
  if (timedOut || (error as Error)?.name === 'TimeoutError') return 'timeout'
  const status = statusOf(error)
  if (status === 429) return 'rate_limited'
  if (status !== undefined && status >= 500) return 'server_error'
  if (status !== undefined) return 'upstream_error'
  if (started) return 'stream_interrupted'
  return 'connection_error'
}
