import { serve } from '@hono/node-server'
import { parseConfig } from '../config.js'
import { createApp } from '../http/app.js'
import { loadNodeServices } from '../node/services.js'

try {
  const config = parseConfig(process.env)
  const services = await loadNodeServices(config)
  const app = createApp(services, { logError: (error) => console.error(error) })
  serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const { mode, index } = services.info
    console.log(`blueprint-qa listening on http://${config.host}:${info.port} (${mode} mode, ${index.documents} documents, ${index.chunks} chunks)`)
  })
} catch (error) {
  console.error(`blueprint-qa failed to start: ${(error as Error).message}`)
  process.exitCode = 1
}
