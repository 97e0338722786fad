import type { Context } from 'hono'
import { Hono } from 'hono'
import type { HonoOptions } from 'hono/hono-base'
import { cors } from 'hono/cors'
import type { Services } from '../services.js'
import { requestLog, type AppEnv } from './context.js'
import { errorResponse, notFound, onError, wrapNonErrors } from './errors.js'
import { bodyLimit } from './middleware/body-limit.js'
import { createJsonLogger, type Logger } from './logger.js'
import { apiKeyAuth } from './middleware/api-key.js'
import { deadline } from './middleware/deadline.js'
import { MemoryRateLimitStore, rateLimit, type RateLimitStore } from './middleware/rate-limit.js'
import { requestContext } from './middleware/request-context.js'
import { matchesPath } from './route-policy.js'
import { securityHeaders } from './middleware/security-headers.js'
import { askRoutes } from './routes/ask.js'
import { askStreamRoutes } from './routes/ask-stream.js'
import { documentRoutes } from './routes/documents.js'
import { openAiErrorShape } from '../integrations/openai-compat/errors.js'
import { healthRoutes } from './routes/health.js'
import { mcpRoutes } from './routes/mcp.js'
import { openAiRoutes } from './routes/openai-compat.js'
import { landingRoutes } from './routes/landing.js'
import { searchRoutes } from './routes/search.js'
import { slackRoutes } from './routes/slack.js'
import { webhookRoutes } from './routes/webhook.js'
import { widgetRoutes } from './routes/widget.js'

/** The default body limit; `MAX_BODY_BYTES` overrides it. */
export const MAX_BODY_BYTES = 16 * 1024
/** Routes that set their own body limit and error shape: the OpenAI-compatible API and MCP. */
const OWN_BODY_LIMIT = ['/v1/*', '/mcp']

export interface AppOptions {
  /** Called with unexpected errors before the 500 envelope is sent. */
  logError?: (error: unknown) => void
  /** Structured logger; defaults to JSON lines on the console at `LOG_LEVEL`. */
  logger?: Logger
  /** The client's address for rate limiting; defaults to `CF-Connecting-IP` (set by Cloudflare). */
  clientAddress?: (c: Context) => string | undefined
  /** Where rate-limit counters live; defaults to one in-memory store per app. */
  rateLimitStore?: RateLimitStore
  /**
   * Hono's router; defaults to Hono's (a RegExpRouter, fastest once built). The Worker passes a
   * `LinearRouter`, which costs nothing to build: a fresh isolate builds the app inside its first request.
   */
  router?: HonoOptions<AppEnv>['router']
}

/**
 * Builds the whole HTTP API from injected services; knows nothing about the runtime.
 * Every route, including ones added later, gets: a request id, an access log line, secure
 * headers, CORS, rate limiting, a body limit, a deadline and, on `ROUTE_POLICY.apiKey` paths, API keys.
 *
 * @example
 * const app = createApp(services)
 * const res = await app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"..."}' })
 */
export function createApp(services: Services, options: AppOptions = {}) {
  const { config } = services
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel })
  const { maxBodyBytes, requestTimeoutMs, ratePerMinute } = config.limits
  const app = new Hono<AppEnv>(options.router ? { router: options.router } : {})
  app.onError(
    onError((error, c) => {
      requestLog(c).error({ err: error }, 'unhandled error')
      options.logError?.(error)
    }),
  )
  app.notFound(notFound)
  app.use(requestContext(logger, { logQuestions: config.logQuestions }))
  app.use(wrapNonErrors)
  app.use('/v1/*', openAiErrorShape)
  app.use(securityHeaders(config.frameAncestors))
  const corsHeaders = cors({
    origin: config.allowedOrigins.includes('*') ? '*' : [...config.allowedOrigins],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'],
    maxAge: 600,
  })
  // Preflights are answered by hono's cors; other requests get its headers once the handler has
  // answered. Setting them earlier makes Hono re-wrap the handler's response as a stream, which
  // @hono/node-server then writes in pieces instead of in one go.
  app.use(async (c, next) => {
    if (c.req.method === 'OPTIONS') return corsHeaders(c, next)
    await next()
    await corsHeaders(c, async () => {})
  })
  if (ratePerMinute > 0) {
    const store = options.rateLimitStore ?? new MemoryRateLimitStore()
    const clientKey = options.clientAddress ?? ((c: Context) => c.req.header('cf-connecting-ip'))
    app.use(rateLimit({ perMinute: ratePerMinute, store, clientKey }))
  }
  const limitBody = bodyLimit(maxBodyBytes, (c) => errorResponse(c, 413, 'payload_too_large', `Request body exceeds ${maxBodyBytes} bytes`))
  app.use((c, next) => (matchesPath(c.req.path, OWN_BODY_LIMIT) ? next() : limitBody(c, next)))
  app.use(deadline(requestTimeoutMs))
  app.use(apiKeyAuth(config.apiKeys))
  app.route('/', askRoutes(services))
  app.route('/', askStreamRoutes(services, options.logError))
  app.route('/', searchRoutes(services))
  app.route('/', documentRoutes(services))
  app.route('/', healthRoutes(services))
  app.route('/', slackRoutes(services, options))
  app.route('/', webhookRoutes(services, options))
  app.route('/', openAiRoutes(services, options.logError))
  app.route('/', mcpRoutes(services))
  app.route('/', widgetRoutes(services))
  app.route('/', landingRoutes(services))
  return app
}
