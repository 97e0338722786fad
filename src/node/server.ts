import { serve, type ServerType } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { createApp } from '../http/app.js'
import { envelope } from '../http/errors.js'
import type { Logger } from '../http/logger.js'
import type { Services } from '../services.js'

export interface NodeServer {
  server: ServerType
  port: number
  /** Stops accepting, lets in-flight requests finish for up to `timeoutMs` (closing each keep-alive connection as its response ends), then closes the rest. */
  close(timeoutMs: number): Promise<'drained' | 'forced'>
}

/** Serves the app on `config.host:config.port`, keying rate limits by the socket's remote address. */
export async function startNodeServer(services: Services, logger: Logger): Promise<NodeServer> {
  const { config } = services
  const app = createApp(services, { logger, clientAddress: (c) => getConnInfo(c).remote.address })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
  })
  const http = server as Server
  http.on('clientError', rejectMalformed)
  let closing = false
  http.on('request', (_req, res) => res.once('finish', () => closing && setImmediate(() => http.closeIdleConnections())))
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: (timeoutMs) =>
      new Promise((resolve) => {
        closing = true
        const force = setTimeout(() => {
          http.closeAllConnections()
          resolve('forced')
        }, timeoutMs)
        server.close(() => {
          clearTimeout(force)
          resolve('drained')
        })
        http.closeIdleConnections()
      }),
  }
}

/**
 * On SIGTERM or SIGINT: stop accepting, drain in-flight requests up to `timeoutMs`, log, exit 0.
 *
 * @example exitGracefully(await startNodeServer(services, logger), logger, 10_000)
 */
export function exitGracefully(running: NodeServer, logger: Logger, timeoutMs: number, exit: (code: number) => void = process.exit): void {
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal, timeoutMs }, 'shutting down: no new connections, draining in-flight requests')
    const outcome = await running.close(timeoutMs)
    if (outcome === 'forced') logger.warn({ timeoutMs }, 'shutdown bound reached: closed remaining connections')
    else logger.info({}, 'drained: exiting')
    exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

/**
 * Node's HTTP parser rejects some requests before the app sees them (a 60 KB URL, a broken
 * request line); answer those with the JSON error envelope too, instead of Node's bare text.
 */
function rejectMalformed(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy()
    return
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const [status, reason, code, message] = tooLarge
    ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request line or headers are too large']
    : [400, 'Bad Request', 'invalid_request', 'The request is not valid HTTP']
  const body = JSON.stringify(envelope(code, message))
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${crypto.randomUUID()}\r\nConnection: close\r\n\r\n${body}`)
}
