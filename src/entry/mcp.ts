import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { parseConfig } from '../config.js'
import { createMcpServer } from '../integrations/mcp/server.js'
import { loadNodeServices } from '../node/services.js'

// stdout carries the MCP protocol: everything else goes to stderr.
try {
  const config = parseConfig(process.env)
  const services = await loadNodeServices(config)
  const server = createMcpServer(services, { baseUrl: config.publicBaseUrl })
  await server.connect(new StdioServerTransport())
  const { mode, index } = services.info
  console.error(`blueprint-qa MCP server on stdio (${mode} mode, ${index.documents} documents, ${index.chunks} chunks)`)
} catch (error) {
  console.error(`blueprint-qa MCP server failed to start: ${(error as Error).message}`)
  process.exitCode = 1
}
