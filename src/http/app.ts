import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Services } from '../services.js'
import { errorResponse, notFound, onError } from './errors.js'
import { askRoutes } from './routes/ask.js'
import { askStreamRoutes } from './routes/ask-stream.js'
import { documentRoutes } from './routes/documents.js'
import { healthRoutes } from './routes/health.js'
import { searchRoutes } from './routes/search.js'
import { slackRoutes } from './routes/slack.js'
import { webhookRoutes } from './routes/webhook.js'

export const MAX_BODY_BYTES = 16 * 1024

export interface AppOptions {
  /** Called with unexpected errors before the 500 envelope is sent. */
  logError?: (error: unknown) => void
}

/**
 * Builds the whole HTTP API from injected services; knows nothing about the runtime.
 *
 * @example
 * const app = createApp(services)
 * const res = await app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"..."}' })
 */
export function createApp(services: Services, options: AppOptions = {}) {
  const app = new Hono()
  app.onError(onError((error) => options.logError?.(error)))
  app.notFound(notFound)
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, 'payload_too_large', `Request body exceeds ${MAX_BODY_BYTES} bytes`),
    }),
  )
  app.route('/', askRoutes(services))
  app.route('/', askStreamRoutes(services, options.logError))
  app.route('/', searchRoutes(services))
  app.route('/', documentRoutes(services))
  app.route('/', healthRoutes(services))
  app.route('/', slackRoutes(services, options))
  app.route('/', webhookRoutes(services, options))
  return app
}
