import type { ExecutionContext } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import type { IndexBundle } from '../core/corpus.js'
import { createApp } from '../http/app.js'
import { envelope } from '../http/errors.js'
import { createWorkerServices, type WorkerEnv } from './services.js'

/**
 * The Worker's `fetch` handler over a bundled index. Nothing runs until the first request, which
 * builds the services from `env`; later requests in the same isolate reuse them. If the
 * configuration is invalid, every request gets a 503 envelope naming the problem (and it is logged).
 *
 * @example
 * export default workerHandler(corpus as IndexBundle, vectors)
 */
export function workerHandler(bundle: IndexBundle, vectors?: ArrayBuffer) {
  let app: ReturnType<typeof createApp> | undefined
  return {
    fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
      try {
        app ??= createApp(createWorkerServices(env, bundle, vectors), { logError: (error) => console.error(error), router: new LinearRouter() })
      } catch (error) {
        console.error(error)
        return Response.json(envelope('unavailable', `The service is misconfigured: ${(error as Error).message}`), { status: 503 })
      }
      return app.fetch(request, env, ctx)
    },
  }
}
