import type { ExecutionContext } from 'hono'
import corpus from '../../index/corpus.json'
import vectors from '../../index/vectors.bin'
import type { IndexBundle } from '../core/corpus.js'
import { createApp } from '../http/app.js'
import { createWorkerServices, type WorkerEnv } from '../worker/services.js'

/** Only the bundled index is parsed at global scope; services are built on the first request. */
let app: ReturnType<typeof createApp> | undefined

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    app ??= createApp(createWorkerServices(env, corpus as IndexBundle, vectors), {
      logError: (error) => console.error(error),
    })
    return app.fetch(request, env, ctx)
  },
}
