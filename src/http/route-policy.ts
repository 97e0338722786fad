/**
 * Which protections apply to which paths. A pattern is an exact path or a prefix ending in `/*`
 * (`/v1/*` matches `/v1` and everything below it). Routes added later inherit the defaults:
 * rate limited, not embeddable, and open unless listed under `apiKey`.
 */
export const ROUTE_POLICY = {
  /** Need `Authorization: Bearer <key>` when `API_KEYS` is set. */
  apiKey: ['/ask', '/ask/*', '/search', '/v1/*', '/mcp'],
  /** May be framed by the `FRAME_ANCESTORS` origins; every other route refuses to be framed. */
  embeddable: ['/', '/widget.js', '/faq.json', '/documents', '/documents/*'],
  /** Never rate limited: liveness probes. */
  unlimited: ['/healthz'],
} as const

/**
 * True when `path` matches one of the patterns.
 *
 * @example matchesPath('/v1/chat/completions', ['/v1/*']) // true
 */
export function matchesPath(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('/*') ? path === p.slice(0, -2) || path.startsWith(p.slice(0, -1)) : path === p))
}
