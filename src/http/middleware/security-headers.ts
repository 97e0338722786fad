import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { ROUTE_POLICY, matchesPath } from '../route-policy.js'

/**
 * hono's secure headers on every response, plus a framing policy: `ROUTE_POLICY.embeddable`
 * routes may be framed only by `frameAncestors` (CSP `frame-ancestors`) and may be loaded
 * cross-origin (the widget script); every other route sends `X-Frame-Options: DENY` and
 * `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'`. A CSP a route set itself is kept.
 */
export function securityHeaders(frameAncestors: readonly string[]): MiddlewareHandler {
  const base = secureHeaders({ xFrameOptions: false, crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false })
  const ancestors = frameAncestors.join(' ')
  return async (c, next) => {
    await base(c, next)
    const headers = c.res.headers
    if (matchesPath(c.req.path, ROUTE_POLICY.embeddable)) {
      headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
      const csp = headers.get('Content-Security-Policy')
      if (!csp) headers.set('Content-Security-Policy', `frame-ancestors ${ancestors}`)
      else if (!/frame-ancestors/.test(csp)) headers.set('Content-Security-Policy', `${csp}; frame-ancestors ${ancestors}`)
      if (ancestors === "'self'") headers.set('X-Frame-Options', 'SAMEORIGIN')
      return
    }
    headers.set('Cross-Origin-Resource-Policy', 'same-origin')
    headers.set('X-Frame-Options', 'DENY')
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
  }
}
