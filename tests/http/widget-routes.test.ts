import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AskResponse, FaqItem } from '../../src/core/types.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'

let server: RunningServer
let restricted: RunningServer
beforeAll(async () => {
  ;[server, restricted] = await Promise.all([startServer(), startServer({ ALLOWED_ORIGINS: 'https://news.example, https://blog.example' })])
})
afterAll(async () => {
  await Promise.all([server?.close(), restricted?.close()])
})

const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } })

describe('GET /widget.js', () => {
  it('serves one self-contained script that defines <blueprint-faq>, cacheable, embeddable anywhere', async () => {
    const res = await fetch(`${server.url}/widget.js`, { headers: { origin: 'https://news.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).not.toBe('DENY')
    const script = await res.text()
    expect(script).toContain('blueprint-faq')
    expect(script).not.toMatch(/\bimport\s*\(|\bimport\s+["'{]/)
    expect(script).not.toMatch(/https?:\/\/(?!www\.w3\.org)/)
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await fetch(`${server.url}/widget.js`)).headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const res = await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
  })
})

describe('GET /faq.json', () => {
  it('lists at least 10 questions whose answers are grounded, exactly cited, and what /ask answers today', async () => {
    const res = await fetch(`${server.url}/faq.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const { items } = (await res.json()) as { items: FaqItem[] }
    expect(items.length).toBeGreaterThanOrEqual(10)
    expect(new Set(items.map((i) => i.question)).size).toBe(items.length)
    const { text } = await (await fetch(`${server.url}/documents/shanxi-2020-industrial-blueprints`)).json()
    for (const item of items) {
      expect(item.grounded, item.question).toBe(true)
      expect(item.citations.length, item.question).toBeGreaterThan(0)
      for (const c of item.citations) expect(text.slice(c.start, c.end)).toBe(c.quote)
      const live = (await (await postJson(`${server.url}/ask`, { question: item.question })).json()) as AskResponse
      expect({ answer: item.answer, citations: item.citations }).toEqual({ answer: live.answer, citations: live.citations })
    }
  })
})

describe('CORS for the widget routes', () => {
  it('allows a preflighted POST /ask/stream from any origin by default', async () => {
    const res = await preflight(`${server.url}/ask/stream`, 'https://anywhere.example')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/i)
  })

  it('with ALLOWED_ORIGINS echoes only listed origins', async () => {
    const allowed = await preflight(`${restricted.url}/ask`, 'https://blog.example')
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://blog.example')
    const refused = await preflight(`${restricted.url}/ask`, 'https://evil.example')
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    const doc = await fetch(`${restricted.url}/documents/shanxi-2020-industrial-blueprints`, { headers: { origin: 'https://news.example' } })
    expect(doc.headers.get('access-control-allow-origin')).toBe('https://news.example')
  })
})

describe('GET /', () => {
  it('is an HTML page that hosts the widget and links to the source document and the API', async () => {
    const res = await fetch(`${server.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const html = await res.text()
    expect(html).toContain('<script src="/widget.js" defer></script>')
    expect(html).toMatch(/<blueprint-faq[^>]*><\/blueprint-faq>/)
    expect(html).toContain('href="/documents/shanxi-2020-industrial-blueprints"')
    expect(html).toContain('href="/faq.json"')
    expect(html).toContain(`&lt;script src=&quot;${server.url}/widget.js&quot; defer&gt;&lt;/script&gt;`)
    expect(html).not.toMatch(/<script>/)
  })
})
