/**
 * The stack's ceiling, served exactly like `src/entry/node.ts` (Hono on @hono/node-server):
 * (a) `GET /hello` returns a plain-text hello world; (b) `POST /echo` parses a JSON body and
 * returns `BENCH_RESPONSE` (a JSON document the size of an `/ask` response) as JSON.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const response: unknown = JSON.parse(process.env.BENCH_RESPONSE ?? '{}')
const app = new Hono()
app.get('/hello', (c) => c.text('Hello World!'))
app.post('/echo', async (c) => {
  const body = await c.req.json<{ question?: unknown }>()
  if (typeof body.question !== 'string') return c.json({ error: { code: 'invalid_request', message: 'question' } }, 400)
  return c.json(response)
})
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  console.log(`ceiling listening on http://127.0.0.1:${info.port}`)
})
