import { parseConfig } from '../config.js'
import type { Logger } from '../http/logger.js'
import { createNodeLogger } from '../node/logger.js'
import { exitGracefully, startNodeServer } from '../node/server.js'
import { loadNodeServices } from '../node/services.js'

let logger: Logger | undefined
try {
  const config = parseConfig(process.env)
  logger = createNodeLogger(config.logLevel)
  const services = await loadNodeServices(config)
  const running = await startNodeServer(services, logger)
  exitGracefully(running, logger, config.limits.shutdownTimeoutMs)
  const { mode, index } = services.info
  logger.info({ url: `http://${config.host}:${running.port}`, port: running.port, mode, documents: index.documents, chunks: index.chunks }, 'blueprint-qa listening')
} catch (error) {
  ;(logger ?? createNodeLogger('info')).error({ err: error }, 'blueprint-qa failed to start')
  console.error(`blueprint-qa failed to start: ${(error as Error).message}`)
  process.exitCode = 1
}
