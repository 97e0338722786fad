import type { Context, MiddlewareHandler } from 'hono'

const encoder = new TextEncoder()
const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))

/** Compares two strings in time independent of where they differ (both are hashed to 32 bytes first). */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)])
  let diff = 0
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!
  return diff === 0
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export const bearerToken = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]

/** True when `token` equals one of `keys`; every key is compared, in constant time. */
export async function isValidKey(keys: readonly string[], token: string | undefined): Promise<boolean> {
  let ok = false
  if (token) for (const key of keys) ok = (await constantTimeEqual(token, key)) || ok
  return ok
}

/** Why a request was refused: no key at all, or a key that is not configured. */
export type AuthFailure = 'missing' | 'invalid'

/**
 * With keys configured, requires `Authorization: Bearer <key>`; otherwise a no-op. `reject` shapes
 * the 401 for its surface (the JSON envelope, OpenAI's error object, a JSON-RPC error).
 *
 * @example app.use('/v1/*', requireApiKey(config.apiKeys, (c, why) => c.json({ error: why }, 401)))
 */
export function requireApiKey(keys: readonly string[], reject: (c: Context, why: AuthFailure) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    if (!keys.length || c.req.method === 'OPTIONS') return next()
    const token = bearerToken(c.req.header('authorization'))
    if (await isValidKey(keys, token)) return next()
    c.header('WWW-Authenticate', 'Bearer realm="blueprint-qa"')
    return reject(c, token ? 'invalid' : 'missing')
  }
}
