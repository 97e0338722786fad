import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { redact } from '../../src/http/logger.js'
import { createNodeLogger } from '../../src/node/logger.js'
import { appWith, askInit, memoryLogger } from '../helpers/app.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('request ids', () => {
  it('puts a fresh request id on every response, errors included', async () => {
    const app = await appWith()
    const responses = await Promise.all([
      app.request('/ask', askInit({ question: 'steel' })),
      app.request('/ask', askInit({ question: '' })),
      app.request('/ask', askInit('{"question":')),
      app.request('/no-such-route'),
      app.request('/healthz'),
      app.request('/ask', askInit({ question: 'x', pad: 'y'.repeat(20_000) })),
    ])
    const ids = responses.map((r) => r.headers.get('x-request-id'))
    expect(responses.map((r) => r.status)).toEqual([200, 400, 400, 404, 200, 413])
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('echoes a sane incoming X-Request-Id and replaces an unsafe one', async () => {
    const app = await appWith()
    const echoed = await app.request('/healthz', { headers: { 'x-request-id': 'edge-7f3a:42.b_c' } })
    expect(echoed.headers.get('x-request-id')).toBe('edge-7f3a:42.b_c')
    for (const unsafe of ['has space', 'x'.repeat(129), '<script>', 'a\u00e9b']) {
      const res = await app.request('/healthz', { headers: { 'x-request-id': unsafe } })
      expect(res.headers.get('x-request-id')).toMatch(UUID)
    }
  })

  it('writes the request id into every log line of the request, the error line included', async () => {
    const { logger, parsed } = memoryLogger()
    const app = await appWith({}, { answerer: { ask: () => Promise.reject(new Error('boom')) } }, { logger })
    const res = await app.request('/ask', askInit({ question: 'steel' }, { 'x-request-id': 'trace-1' }))
    expect(res.status).toBe(500)
    const lines = parsed()
    expect(lines.map((l) => l.msg)).toEqual(['unhandled error', 'request failed'])
    for (const line of lines) expect(line).toMatchObject({ requestId: 'trace-1', level: expect.any(String), time: expect.any(String) })
    expect(lines[1]).toMatchObject({ method: 'POST', path: '/ask', status: 500, ms: expect.any(Number) })
  })
})

describe('structured logs', () => {
  it('never log API keys, cookies or the query string', async () => {
    const { logger, lines } = memoryLogger()
    const app = await appWith({ API_KEYS: 'key-super-secret-1' }, {}, { logger })
    await app.request('/ask', askInit({ question: 'steel' }, { authorization: 'Bearer key-super-secret-1', cookie: 'session=cookie-secret-2' }))
    await app.request('/search?q=kaolin&token=query-secret-3', { headers: { authorization: 'Bearer key-super-secret-1' } })
    const all = lines.join('\n')
    expect(lines).toHaveLength(2)
    expect(all).not.toMatch(/key-super-secret-1|cookie-secret-2|query-secret-3|kaolin/)
  })

  it('log question text only with LOG_QUESTIONS=true', async () => {
    const quiet = memoryLogger()
    await (await appWith({}, {}, { logger: quiet.logger })).request('/ask', askInit({ question: 'Which cities host kaolin clusters?' }))
    expect(quiet.lines.join('\n')).not.toMatch(/kaolin/)

    const loud = memoryLogger()
    const app = await appWith({ LOG_QUESTIONS: 'true' }, {}, { logger: loud.logger })
    await app.request('/ask', askInit({ question: 'Which cities host kaolin clusters?' }))
    await app.request('/search?q=coking%20coal')
    expect(loud.parsed().map((l) => l.question)).toEqual(['Which cities host kaolin clusters?', 'coking coal'])
  })

  it('redact secret-looking keys at any depth and reduce errors to name, message and stack', () => {
    const out = redact({ headers: { Authorization: 'Bearer x', 'x-api-key': 'k' }, nested: [{ slackBotToken: 't', ok: 1 }], err: new TypeError('bad') }) as any
    expect(out.headers).toEqual({ Authorization: '[redacted]', 'x-api-key': '[redacted]' })
    expect(out.nested).toEqual([{ slackBotToken: '[redacted]', ok: 1 }])
    expect(out.err).toMatchObject({ name: 'TypeError', message: 'bad', stack: expect.stringContaining('TypeError') })
  })

  it('the Node logger is pino writing JSON lines with secrets redacted', () => {
    const lines: string[] = []
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) })
    const log = createNodeLogger('info', sink).child({ requestId: 'r-9' })
    log.info({ headers: { authorization: 'Bearer leaked?' }, status: 200 }, 'request')
    log.debug({ status: 1 }, 'below the level')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', requestId: 'r-9', status: 200, msg: 'request', headers: { authorization: '[redacted]' } })
  })
})

describe('request deadline', () => {
  it('answers 504 timeout when the answerer is slower than REQUEST_TIMEOUT_MS, aborts its work and keeps serving', async () => {
    let aborted: unknown
    const slow = {
      cancellable: true,
      ask: (_: unknown, signal?: AbortSignal) =>
        new Promise<never>((_resolve, reject) => signal?.addEventListener('abort', () => reject((aborted = signal.reason)))),
    }
    const app = await appWith({ REQUEST_TIMEOUT_MS: '150' }, { answerer: slow })
    const started = performance.now()
    const res = await app.request('/ask', askInit({ question: 'steel' }))
    expect(performance.now() - started).toBeLessThan(2000)
    expect(res.status).toBe(504)
    expect(await res.json()).toEqual({ error: { code: 'timeout', message: 'The request took longer than 150 ms' } })
    expect((aborted as Error).name).toBe('TimeoutError')
    expect((await app.request('/healthz')).status).toBe(200)
  })

  it('hands no signal to an answerer that cannot be cancelled', async () => {
    const received: unknown[] = []
    const offline = {
      ask: async (_: unknown, signal?: AbortSignal) => {
        received.push(signal)
        return { answer: 'a', grounded: false, source: 'extractive' as const, citations: [] }
      },
    }
    const app = await appWith({}, { answerer: offline })
    expect((await app.request('/ask', askInit({ question: 'steel' }))).status).toBe(200)
    expect(received).toEqual([undefined])
  })
})
