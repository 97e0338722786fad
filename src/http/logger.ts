/** Fields of one structured log line. */
export type LogFields = Record<string, unknown>

/** The structured logger the app writes to; pino's `Logger` satisfies it. */
export interface Logger {
  debug(fields: LogFields, message?: string): void
  info(fields: LogFields, message?: string): void
  warn(fields: LogFields, message?: string): void
  error(fields: LogFields, message?: string): void
  child(bindings: LogFields): Logger
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const LEVELS: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity }

/** Keys whose values never reach a log line, at any depth. */
export const SECRET_KEY = /authorization|cookie|secret|token|password|passwd|api[-_]?key|signature|credential|private/i
const REDACTED = '[redacted]'

/**
 * Copies log fields with every secret-looking key replaced by `[redacted]` and errors reduced to
 * name, message and stack.
 *
 * @example redact({ headers: { authorization: 'Bearer k' } }) // { headers: { authorization: '[redacted]' } }
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack }
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  const out: LogFields = {}
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1)
  return out
}

/**
 * A dependency-free JSON-lines logger for any runtime (Workers, tests); one line per call.
 *
 * @example createJsonLogger({ level: 'info' }).info({ requestId: 'abc' }, 'request')
 */
export function createJsonLogger(options: { level?: LogLevel; write?: (line: string) => void; bindings?: LogFields } = {}): Logger {
  const threshold = LEVELS[options.level ?? 'info']
  const write = options.write ?? ((line: string) => console.log(line))
  const bindings = options.bindings ?? {}
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (fields: LogFields, message?: string): void => {
      if (LEVELS[level] < threshold) return
      const line = { level, time: new Date().toISOString(), ...(redact({ ...bindings, ...fields }) as LogFields), ...(message ? { msg: message } : {}) }
      write(JSON.stringify(line))
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => createJsonLogger({ ...options, bindings: { ...bindings, ...more } }),
  }
}

/**
 * `logger.child(bindings)`, made on first use: most requests log nothing but their access line,
 * and a pino child costs more than the line itself.
 *
 * @example bindLazily(logger, { requestId }).warn({ err }, 'callback failed')
 */
export function bindLazily(logger: Logger, bindings: LogFields): Logger {
  let child: Logger | undefined
  const bound = () => (child ??= logger.child(bindings))
  return {
    debug: (fields, message) => bound().debug(fields, message),
    info: (fields, message) => bound().info(fields, message),
    warn: (fields, message) => bound().warn(fields, message),
    error: (fields, message) => bound().error(fields, message),
    child: (more) => bound().child(more),
  }
}

/** A logger that drops everything. */
export const silentLogger: Logger = createJsonLogger({ level: 'silent' })
