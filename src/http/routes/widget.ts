import { Hono } from 'hono'
import type { Services } from '../../services.js'
import { WIDGET_SCRIPT, WIDGET_SHA256 } from '../../widget/bundle.js'

const ETAG = `"${WIDGET_SHA256.slice(0, 32)}"`
const CACHE = 'public, max-age=300, stale-while-revalidate=86400'

/** `GET /widget.js`: the `<blueprint-faq>` element, one self-contained script. `GET /faq.json`: the FAQ made at ingest. */
export function widgetRoutes({ faq }: Services) {
  return new Hono()
    .get('/widget.js', (c) => {
      c.header('Cache-Control', CACHE)
      c.header('ETag', ETAG)
      if (c.req.header('if-none-match') === ETAG) return c.body(null, 304)
      return c.body(WIDGET_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
    })
    .get('/faq.json', (c) => {
      c.header('Cache-Control', CACHE)
      return c.json({ items: faq })
    })
}
