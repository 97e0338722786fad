import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { constantTimeEqual } from '../../src/http/middleware/api-key.js'
import { MemoryRateLimitStore } from '../../src/http/middleware/rate-limit.js'
import { silentLogger } from '../../src/http/logger.js'
import { startNodeServer } from '../../src/node/server.js'
import { appWith, askInit, baseServices } from '../helpers/app.js'
import { postJson } from '../helpers/server.js'

const envelopeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

describe('API keys', () => {
  const env = { API_KEYS: 'key-one, key-two' }

  it('protect /ask, /search, /ask/stream and /v1/* with 401 and WWW-Authenticate', async () => {
    const app = await appWith(env)
    for (const [path, init] of [['/ask', askInit({ question: 'steel' })], ['/search?q=steel', {}], ['/ask/stream', askInit({ question: 'steel' })], ['/v1/models', {}]] as const) {
      const res = await app.request(path, init)
      expect(res.status, path).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(await envelopeOf(res)).toBe('unauthorized')
    }
    const wrong = await app.request('/ask', askInit({ question: 'steel' }, { authorization: 'Bearer key-three' }))
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'The API key is not valid' } })
  })

  it('let any configured key through', async () => {
    const app = await appWith(env)
    expect((await app.request('/ask', askInit({ question: 'steel' }, { authorization: 'Bearer key-one' }))).status).toBe(200)
    expect((await app.request('/search?q=steel', { headers: { authorization: 'bearer key-two' } })).status).toBe(200)
  })

  it('leave the widget routes, documents and health public', async () => {
    const app = await appWith(env)
    for (const path of ['/documents', '/documents/shanxi-2020-industrial-blueprints', '/healthz', '/facts', '/widget.js', '/faq.json', '/']) {
      expect((await app.request(path)).status, path).not.toBe(401)
    }
  })

  it('do not block CORS preflight', async () => {
    const app = await appWith(env)
    const res = await app.request('/ask', { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
  })

  it('are compared by a constant-time equality that is still exact', async () => {
    expect(await constantTimeEqual('key-one', 'key-one')).toBe(true)
    expect(await constantTimeEqual('key-one', 'key-onf')).toBe(false)
    expect(await constantTimeEqual('key-one', 'key-one ')).toBe(false)
  })
})

describe('rate limiting', () => {
  it('is off by default', async () => {
    const app = await appWith()
    const statuses = await Promise.all(Array.from({ length: 50 }, () => Promise.resolve(app.request('/search?q=steel')).then((r) => r.status)))
    expect(new Set(statuses)).toEqual(new Set([200]))
  })

  it('answers 429 with Retry-After and RateLimit headers over RATE_LIMIT_PER_MINUTE, per client', async () => {
    const app = await appWith({ RATE_LIMIT_PER_MINUTE: '3' })
    const from = (ip: string) => ({ headers: { 'cf-connecting-ip': ip } })
    const remaining: (string | null)[] = []
    for (let i = 0; i < 3; i++) {
      const res = await app.request('/search?q=steel', from('203.0.113.1'))
      expect(res.status).toBe(200)
      expect(res.headers.get('ratelimit-limit')).toBe('3')
      expect(res.headers.get('ratelimit-policy')).toBe('3;w=60')
      remaining.push(res.headers.get('ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])
    const limited = await app.request('/ask', { ...askInit({ question: 'steel' }), ...from('203.0.113.1') })
    expect(limited.status).toBe(429)
    expect(await envelopeOf(limited)).toBe('rate_limited')
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')
    expect(limited.headers.get('x-request-id')).toBeTruthy()
    expect((await app.request('/search?q=steel', from('203.0.113.2'))).status).toBe(200)
    expect((await app.request('/healthz', from('203.0.113.1'))).status).toBe(200)
  })

  it('keys Node clients by socket address, so a forged CF-Connecting-IP does not reset the count', async () => {
    const services = { ...(await baseServices()), config: parseConfig({ PORT: '0', RATE_LIMIT_PER_MINUTE: '2' }) }
    const running = await startNodeServer(services, silentLogger)
    try {
      const url = `http://127.0.0.1:${running.port}`
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) statuses.push((await postJson(`${url}/ask`, { question: 'steel' }, { 'cf-connecting-ip': `198.51.100.${i}` })).status)
      expect(statuses).toEqual([200, 200, 429, 429])
    } finally {
      await running.close(1000)
    }
  })

  it('keeps the in-memory store bounded and expires windows lazily', () => {
    const store = new MemoryRateLimitStore(100)
    for (let i = 0; i < 1000; i++) store.hit(`client-${i}`, 60_000, 0)
    expect(store.size).toBeLessThanOrEqual(100)
    expect(store.hit('a', 60_000, 1000)).toEqual({ count: 1, resetAt: 61_000 })
    expect(store.hit('a', 60_000, 2000).count).toBe(2)
    expect(store.hit('a', 60_000, 61_000)).toEqual({ count: 1, resetAt: 121_000 })
  })
})

describe('CORS and secure headers', () => {
  it('allow any origin by default and only listed origins with ALLOWED_ORIGINS', async () => {
    const open = await appWith()
    expect((await open.request('/documents', { headers: { origin: 'https://any.example' } })).headers.get('access-control-allow-origin')).toBe('*')
    const strict = await appWith({ ALLOWED_ORIGINS: 'https://a.example' })
    expect((await strict.request('/ask', { ...askInit({ question: 'steel' }), headers: { 'content-type': 'application/json', origin: 'https://a.example' } })).headers.get('access-control-allow-origin')).toBe('https://a.example')
    expect((await strict.request('/documents', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('forbid framing the API routes and any route added later', async () => {
    const app = await appWith({ FRAME_ANCESTORS: 'https://a.example' })
    for (const [path, init] of [['/ask', askInit({ question: 'steel' })], ['/search?q=steel', {}], ['/healthz', {}], ['/v1/chat/completions', {}], ['/slack/events', {}]] as const) {
      const res = await app.request(path, init)
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    }
  })

  it('let the widget routes be framed only by FRAME_ANCESTORS (same origin by default)', async () => {
    const byDefault = await (await appWith()).request('/documents')
    expect(byDefault.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
    expect(byDefault.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const app = await appWith({ FRAME_ANCESTORS: 'https://a.example https://b.example' })
    for (const path of ['/', '/widget.js', '/faq.json', '/documents']) {
      const res = await app.request(path)
      expect(res.headers.get('content-security-policy'), path).toMatch(/(^|; )frame-ancestors https:\/\/a\.example https:\/\/b\.example$/)
      expect(res.headers.get('x-frame-options')).toBeNull()
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    }
  })
})

describe('body limit', () => {
  it('follows MAX_BODY_BYTES', async () => {
    const app = await appWith({ MAX_BODY_BYTES: '1024' })
    expect((await app.request('/ask', askInit({ question: 'steel', pad: 'y'.repeat(1100) }))).status).toBe(413)
    expect((await app.request('/ask', askInit({ question: 'steel', pad: 'y'.repeat(500) }))).status).toBe(200)
    expect(() => parseConfig({ MAX_BODY_BYTES: 'lots' })).toThrow(/MAX_BODY_BYTES/)
  })
})
