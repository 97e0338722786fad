import { Hono } from 'hono'
import type { Services } from '../../services.js'
import { landingPage } from '../landing-page.js'

const CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

/** `GET /`: the landing page hosting the widget. */
export function landingRoutes({ config, corpus, faq, info }: Services) {
  return new Hono().get('/', (c) => {
    const origin = config.publicBaseUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin
    c.header('Content-Security-Policy', CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    return c.html(landingPage({ origin, documents: corpus.documents, faqCount: faq.length, mode: info.mode }))
  })
}
