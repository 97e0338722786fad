import { Hono } from 'hono'
import type { Services } from '../../services.js'

/** Largest JSON-RPC request body `/mcp` reads. */
export const MAX_MCP_BODY_BYTES = 128 * 1024

const jsonRpcError = (code: number, message: string) => ({ jsonrpc: '2.0' as const, error: { code, message }, id: null })

/**
 * `/mcp`: the MCP server over streamable HTTP, stateless (a fresh server and transport per
 * request, JSON responses, POST only), so it runs the same on Node and on Workers. API keys apply through
 * `ROUTE_POLICY` like the rest of the API.
 */
export function mcpRoutes(services: Services) {
  const app = new Hono()
  app.post('/mcp', async (c) => {
    // Loaded on first use: the MCP SDK costs a quarter of a second at start-up that most deployments never need.
    const [{ WebStandardStreamableHTTPServerTransport }, { createMcpServer }] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
      import('../../integrations/mcp/server.js'),
    ])
    const baseUrl = services.config.publicBaseUrl ?? new URL(c.req.url).origin
    const server = createMcpServer(services, { baseUrl })
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true, maxRequestBodySize: MAX_MCP_BODY_BYTES })
    await server.connect(transport)
    try {
      return await transport.handleRequest(c.req.raw)
    } finally {
      await server.close()
    }
  })
  app.all('/mcp', (c) => {
    c.header('Allow', 'POST')
    return c.json(jsonRpcError(-32000, 'Method not allowed: this stateless server takes POST only'), 405)
  })
  return app
}
