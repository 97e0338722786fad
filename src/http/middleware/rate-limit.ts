import type { Context, MiddlewareHandler } from 'hono'
import { errorResponse } from '../errors.js'
import { ROUTE_POLICY, matchesPath } from '../route-policy.js'

export interface RateWindow {
  /** Requests counted in the current window, this one included. */
  count: number
  /** When the window ends, in ms since the epoch. */
  resetAt: number
}

/** Counts requests per client key in fixed windows; swap in a shared store for a global limit. */
export interface RateLimitStore {
  hit(key: string, windowMs: number, now: number): RateWindow | Promise<RateWindow>
}

/**
 * In-memory fixed-window counters with lazy expiry and a bounded number of keys: no timers, so it
 * runs on Node and in a Workers isolate alike (per isolate there).
 *
 * @example new MemoryRateLimitStore(10_000).hit('203.0.113.7', 60_000, Date.now()) // { count: 1, resetAt }
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, RateWindow>()

  constructor(readonly maxKeys = 10_000) {}

  get size(): number {
    return this.windows.size
  }

  hit(key: string, windowMs: number, now: number): RateWindow {
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      this.windows.delete(key)
      if (this.windows.size >= this.maxKeys) this.evict(now)
      window = { count: 0, resetAt: now + windowMs }
      this.windows.set(key, window)
    }
    window.count++
    return { ...window }
  }

  /** Drops expired windows; if none expired, drops the oldest tenth (Map order is insertion order). */
  private evict(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
    let excess = this.windows.size - this.maxKeys + Math.ceil(this.maxKeys / 10)
    for (const key of this.windows.keys()) {
      if (excess-- <= 0) break
      this.windows.delete(key)
    }
  }
}

export interface RateLimitOptions {
  perMinute: number
  store: RateLimitStore
  /** The client's address; requests without one share the key `unknown`. */
  clientKey: (c: Context) => string | undefined
  now?: () => number
}

/**
 * Limits each client to `perMinute` requests per minute, except `ROUTE_POLICY.unlimited` paths.
 * Sends `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`, and
 * over the limit a 429 `rate_limited` envelope with `Retry-After`.
 */
export function rateLimit({ perMinute, store, clientKey, now = Date.now }: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || matchesPath(c.req.path, ROUTE_POLICY.unlimited)) return next()
    const at = now()
    const { count, resetAt } = await store.hit(clientKey(c) || 'unknown', 60_000, at)
    const resetSeconds = Math.max(1, Math.ceil((resetAt - at) / 1000))
    const headers = {
      'RateLimit-Limit': String(perMinute),
      'RateLimit-Remaining': String(Math.max(0, perMinute - count)),
      'RateLimit-Reset': String(resetSeconds),
      'RateLimit-Policy': `${perMinute};w=60`,
    }
    if (count > perMinute) {
      const res = errorResponse(c, 429, 'rate_limited', `Too many requests: the limit is ${perMinute} per minute. Retry in ${resetSeconds} s.`)
      for (const [name, value] of Object.entries(headers)) res.headers.set(name, value)
      res.headers.set('Retry-After', String(resetSeconds))
      return res
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}
