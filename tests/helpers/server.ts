import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { parseConfig } from '../../src/config.js'
import { createApp, type AppOptions } from '../../src/http/app.js'
import { silentLogger } from '../../src/http/logger.js'
import { loadNodeServices } from '../../src/node/services.js'
import type { Services } from '../../src/services.js'

export interface RunningServer {
  url: string
  services: Services
  close(): Promise<void>
}

/** Serves the real app on an ephemeral port on 127.0.0.1, from the committed index unless told otherwise; logs are silent unless a logger is given. */
export async function startServer(env: Record<string, string> = {}, services?: Services, options: AppOptions = {}): Promise<RunningServer> {
  const loaded = services ?? (await loadNodeServices(parseConfig(env)))
  const app = createApp(loaded, { logger: silentLogger, ...options })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    services: loaded,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body), signal: signal ?? null })
