import pino from 'pino'
import type { LogLevel, Logger } from '../http/logger.js'
import { redact } from '../http/logger.js'

/**
 * The Node logger: pino writing JSON lines to stdout, secrets redacted from every line.
 *
 * @example createNodeLogger('info').info({ port: 8787 }, 'listening')
 */
export function createNodeLogger(level: LogLevel, destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level,
      base: { service: 'blueprint-qa' },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (fields) => redact(fields) as Record<string, unknown> },
    },
    destination,
  )
}
