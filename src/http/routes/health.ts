import { Hono } from 'hono'
import type { Services } from '../../services.js'

export function healthRoutes({ info }: Services) {
  return new Hono().get('/healthz', (c) => c.json({ status: 'ok', ...info }))
}
