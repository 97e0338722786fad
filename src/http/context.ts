import type { Context } from 'hono'
import { silentLogger, type Logger } from './logger.js'

/** Per-request values the middleware in `createApp` puts on the context. */
export interface AppVariables {
  requestId: string
  /** The app logger bound to this request's id. */
  log: Logger
  /** A signal that aborts when the request deadline (`REQUEST_TIMEOUT_MS`) passes or the client goes away; made on first call. */
  deadline: () => AbortSignal
  /** The question text, noted for the access log (logged only with `LOG_QUESTIONS=true`). */
  question?: string
}

export type AppEnv = { Variables: AppVariables }

// `c.get()`, not `c.var`: Hono builds a fresh object from all variables on every `c.var` access.
const variable = <K extends keyof AppVariables>(c: Context, key: K): AppVariables[K] | undefined => (c as Context<AppEnv>).get(key)

/** The logger for this request: every line carries its request id. */
export const requestLog = (c: Context): Logger => variable(c, 'log') ?? silentLogger

/**
 * A signal that aborts when the client goes away or the request deadline passes: hand it to
 * anything slow (answerers, model calls, streams).
 *
 * @example services.answerer.ask(input, requestSignal(c))
 */
export const requestSignal = (c: Context): AbortSignal => variable(c, 'deadline')?.() ?? c.req.raw.signal

/** Records the question of this request so the access log can include it when allowed. */
export const noteQuestion = (c: Context, question: string): void => (c as Context<AppEnv>).set('question', question)
