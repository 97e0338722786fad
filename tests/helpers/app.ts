import { parseConfig } from '../../src/config.js'
import { createApp, type AppOptions } from '../../src/http/app.js'
import { createJsonLogger, silentLogger } from '../../src/http/logger.js'
import { loadNodeServices } from '../../src/node/services.js'
import type { Services } from '../../src/services.js'

let base: Promise<Services> | undefined

/** The services from the committed index, loaded once per test file. */
export const baseServices = () => (base ??= loadNodeServices(parseConfig({})))

/** An in-process app over the committed index with `env` as its configuration. */
export async function appWith(env: Record<string, string> = {}, overrides: Partial<Services> = {}, options: AppOptions = {}) {
  const services = { ...(await baseServices()), config: parseConfig(env), ...overrides }
  return createApp(services, { logger: silentLogger, ...options })
}

/** A logger that keeps its JSON lines in memory for assertions. */
export function memoryLogger() {
  const lines: string[] = []
  return { logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }), lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) }
}

export const askInit = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
