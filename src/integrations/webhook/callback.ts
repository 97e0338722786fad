import { signWebhook } from './signature.js'

export class CallbackUrlError extends Error {
  override name = 'CallbackUrlError'
  constructor(
    message: string,
    readonly reason: 'scheme' | 'host' | 'invalid',
  ) {
    super(message)
  }
}

const hostAllowed = (url: URL, allowed: readonly string[]) =>
  allowed.some((entry) => entry === url.hostname || entry === url.host || (entry.startsWith('*.') && url.hostname.endsWith(entry.slice(1))))

/**
 * Accepts a callback URL only if it is http(s) and its host (or host:port) is on the allowlist;
 * `*.example.com` allows subdomains. An empty allowlist allows no callbacks at all.
 *
 * @example checkCallbackUrl('https://hooks.example.com/qa', ['hooks.example.com']) // URL
 */
export function checkCallbackUrl(raw: string, allowedHosts: readonly string[]): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new CallbackUrlError('callbackUrl is not a valid URL', 'invalid')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CallbackUrlError('callbackUrl must be an http or https URL', 'scheme')
  if (url.username || url.password) throw new CallbackUrlError('callbackUrl must not contain credentials', 'invalid')
  if (!hostAllowed(url, allowedHosts)) throw new CallbackUrlError(`callbackUrl host "${url.host}" is not in WEBHOOK_CALLBACK_HOSTS`, 'host')
  return url
}

export interface DeliveryOptions {
  secret: string
  /** Retries after the first attempt. */
  retries: number
  /** Delay before the first retry; doubles on each further retry. */
  backoffMs: number
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
}

export interface DeliveryResult {
  attempts: number
  status: number | undefined
}

const MAX_DELAY_MS = 60_000
const retryable = (status: number) => status === 408 || status === 429 || status >= 500
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * POSTs a JSON body to a callback, signed like incoming webhooks, re-signed on every attempt.
 * Retries network errors, timeouts, 408, 429 and 5xx with exponential backoff (a larger
 * `Retry-After` wins); redirects are not followed. Throws when every attempt failed.
 *
 * @example await deliverCallback(new URL(callbackUrl), JSON.stringify(body), { secret, retries: 4, backoffMs: 1000 })
 */
export async function deliverCallback(url: URL, body: string, options: DeliveryOptions): Promise<DeliveryResult> {
  const { secret, retries, backoffMs, timeoutMs = 10_000, sleep = wait } = options
  let status: number | undefined
  let attempts = 0
  for (let attempt = 0; attempt <= retries; attempt++) {
    attempts = attempt + 1
    let retryAfterMs = 0
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await signWebhook(secret, body)) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      status = res.status
      await res.body?.cancel()
      if (res.ok) return { attempts, status }
      if (!retryable(res.status)) break
      retryAfterMs = Number(res.headers.get('retry-after')) * 1000 || 0
    } catch {
      status = undefined
    }
    if (attempt < retries) await sleep(Math.min(MAX_DELAY_MS, Math.max(backoffMs * 2 ** attempt, retryAfterMs)))
  }
  throw new Error(`callback to ${url.host} failed after ${attempts} attempt(s) (last status ${status ?? 'none'})`)
}
