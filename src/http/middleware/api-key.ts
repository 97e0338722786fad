import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.js'
import { ROUTE_POLICY, matchesPath } from '../route-policy.js'

const encoder = new TextEncoder()
const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))

/** Compares two strings in time independent of where they differ (both are hashed to 32 bytes first). */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)])
  let diff = 0
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!
  return diff === 0
}

/**
 * With keys configured, requires `Authorization: Bearer <key>` on `ROUTE_POLICY.apiKey` paths and
 * answers 401 `unauthorized` otherwise. Every key is compared, in constant time. No keys: a no-op.
 */
export function apiKeyAuth(keys: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!keys.length || c.req.method === 'OPTIONS' || !matchesPath(c.req.path, ROUTE_POLICY.apiKey)) return next()
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1]
    let ok = false
    if (token) for (const key of keys) ok = (await constantTimeEqual(token, key)) || ok
    if (!ok) {
      c.header('WWW-Authenticate', 'Bearer realm="blueprint-qa"')
      throw new ApiError(401, 'unauthorized', token ? 'The API key is not valid' : 'Send an API key as Authorization: Bearer <key>')
    }
    await next()
  }
}
