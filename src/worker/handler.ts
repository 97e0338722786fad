import type { ExecutionContext } from 'hono'
import type { IndexBundle } from '../core/corpus.js'
import { createApp } from '../http/app.js'
import { createWorkerServices, type WorkerEnv } from './services.js'

/**
 * The Worker's `fetch` handler over a bundled index. Nothing runs until the first request, which
 * builds the services from `env`; later requests in the same isolate reuse them.
 *
 * @example
 * export default workerHandler(corpus as IndexBundle, vectors)
 */
export function workerHandler(bundle: IndexBundle, vectors?: ArrayBuffer) {
  let app: ReturnType<typeof createApp> | undefined
  return {
    fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
      app ??= createApp(createWorkerServices(env, bundle, vectors), { logError: (error) => console.error(error) })
      return app.fetch(request, env, ctx)
    },
  }
}
