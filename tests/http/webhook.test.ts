import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/core/types.js'
import { checkCallbackUrl } from '../../src/integrations/webhook/callback.js'
import { reply, sleep, startRecorder, waitFor, type Recorded, type Recorder } from '../helpers/recorder.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'
import { nowSeconds, webhookHeaders } from '../helpers/signing.js'

const SECRET = 'webhook-secret-for-tests'
const QUESTION = 'Which cities host kaolin clusters?'

let hooks: Recorder
let server: RunningServer

beforeAll(async () => {
  hooks = await startRecorder()
  const host = new URL(hooks.url).host
  server = await startServer({ WEBHOOK_SECRET: SECRET, WEBHOOK_CALLBACK_HOSTS: `hooks.example.com, ${host}`, WEBHOOK_CALLBACK_RETRIES: '3', WEBHOOK_CALLBACK_BACKOFF_MS: '40' })
})
afterAll(async () => {
  await server.close()
  await hooks.close()
})
beforeEach(() => {
  hooks.requests.length = 0
  hooks.respond((_req, res) => reply(res, 200))
})

const signedPost = (body: unknown, secret = SECRET, timestamp = nowSeconds(), url = server.url) => {
  const raw = JSON.stringify(body)
  return postJson(`${url}/webhook`, raw, webhookHeaders(secret, raw, timestamp))
}

const expectEnvelope = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status)
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } })
}

/** Verifies a callback with an independent HMAC implementation. */
function expectSignedCallback(req: Recorded) {
  const timestamp = String(req.headers['x-timestamp'])
  expect(Math.abs(nowSeconds() - Number(timestamp))).toBeLessThanOrEqual(5)
  const expected = 'sha256=' + createHmac('sha256', SECRET).update(`${timestamp}.${req.raw}`).digest('hex')
  expect(req.headers['x-signature-256']).toBe(expected)
}

describe('POST /webhook', () => {
  it('answers a signed request synchronously in the /ask shape', async () => {
    const res = await signedPost({ question: QUESTION })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AskResponse
    const viaAsk = await (await postJson(`${server.url}/ask`, { question: QUESTION })).json()
    expect(body).toEqual(viaAsk)
    expect(body.grounded).toBe(true)
    expect(body.answer).toMatch(/Xinzhou/)
  })

  it('returns 202 with a request id and POSTs the signed answer to the callback', async () => {
    const res = await signedPost({ question: QUESTION, callbackUrl: `${hooks.url}/answers?x=1` })
    expect(res.status).toBe(202)
    const { requestId, status } = await res.json()
    expect(status).toBe('accepted')
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    await waitFor(() => hooks.requests.length === 1, 5000, 'the callback')
    const [callback] = hooks.requests
    expect(callback!.path).toBe('/answers?x=1')
    expect(callback!.headers['content-type']).toBe('application/json')
    expectSignedCallback(callback!)
    const viaAsk = await (await postJson(`${server.url}/ask`, { question: QUESTION })).json()
    expect(JSON.parse(callback!.raw)).toEqual({ requestId, ...viaAsk })
  })

  it('retries a failing callback with exponential backoff until it succeeds', async () => {
    hooks.respond((_req, res, i) => reply(res, i < 2 ? 500 : 200))
    expect((await signedPost({ question: QUESTION, callbackUrl: `${hooks.url}/flaky` })).status).toBe(202)
    await waitFor(() => hooks.requests.length === 3, 5000, 'three callback attempts')
    const [a, b, c] = hooks.requests
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(38)
    expect(c!.at - b!.at).toBeGreaterThanOrEqual(78)
    for (const req of hooks.requests) expectSignedCallback(req)
    await sleep(250)
    expect(hooks.requests).toHaveLength(3)
  })

  it('gives up after the configured number of retries', async () => {
    hooks.respond((_req, res) => reply(res, 503))
    expect((await signedPost({ question: QUESTION, callbackUrl: `${hooks.url}/down` })).status).toBe(202)
    await waitFor(() => hooks.requests.length === 4, 5000, 'four callback attempts')
    await sleep(600)
    expect(hooks.requests).toHaveLength(4)
  })

  it('does not follow a redirect from the callback', async () => {
    hooks.respond((_req, res) => reply(res, 302, {}, { location: `${hooks.url}/elsewhere` }))
    expect((await signedPost({ question: QUESTION, callbackUrl: `${hooks.url}/moved` })).status).toBe(202)
    await waitFor(() => hooks.requests.length === 1, 5000, 'the callback')
    await sleep(250)
    expect(hooks.requests.map((r) => r.path)).toEqual(['/moved'])
  })

  it.each(['http://localhost:1/x', 'http://169.254.169.254/latest/meta-data', 'https://hooks.example.com.evil.test/x', 'http://10.0.0.1/x'])(
    'returns 403 for a callback to a host not on the allowlist: %s',
    async (callbackUrl) => {
      await expectEnvelope(await signedPost({ question: QUESTION, callbackUrl }), 403, 'callback_not_allowed')
    },
  )

  it.each(['ftp://127.0.0.1/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url'])('returns 400 for a non-http callback: %s', async (callbackUrl) => {
    await expectEnvelope(await signedPost({ question: QUESTION, callbackUrl }), 400, 'invalid_request')
    await sleep(50)
    expect(hooks.requests).toHaveLength(0)
  })

  it('returns 401 for a missing, wrong, modified or 301 s old signature', async () => {
    const raw = JSON.stringify({ question: QUESTION })
    const post = (body: string, headers: Record<string, string>) => postJson(`${server.url}/webhook`, body, headers)
    await expectEnvelope(await post(raw, {}), 401, 'unauthorized')
    await expectEnvelope(await post(raw, { 'x-timestamp': String(nowSeconds()) }), 401, 'unauthorized')
    await expectEnvelope(await post(raw, webhookHeaders('wrong', raw)), 401, 'unauthorized')
    await expectEnvelope(await post(raw.replace('kaolin', 'coal'), webhookHeaders(SECRET, raw)), 401, 'unauthorized')
    await expectEnvelope(await post(raw, webhookHeaders(SECRET, raw, nowSeconds() - 301)), 401, 'unauthorized')
  })

  it('validates a signed body like /ask', async () => {
    await expectEnvelope(await signedPost({ question: '' }), 400, 'invalid_request')
    const raw = '{"question": '
    await expectEnvelope(await postJson(`${server.url}/webhook`, raw, webhookHeaders(SECRET, raw)), 400, 'invalid_json')
    const text = 'question=steel'
    const res = await fetch(`${server.url}/webhook`, { method: 'POST', headers: { 'content-type': 'text/plain', ...webhookHeaders(SECRET, text) }, body: text })
    await expectEnvelope(res, 415, 'unsupported_media_type')
  })

  it('returns 503 when WEBHOOK_SECRET is not configured', async () => {
    const bare = await startServer({})
    try {
      await expectEnvelope(await signedPost({ question: QUESTION }, SECRET, nowSeconds(), bare.url), 503, 'unavailable')
    } finally {
      await bare.close()
    }
  })
})

describe('checkCallbackUrl', () => {
  it('allows listed hosts, host:port entries and *. subdomains, and nothing when the list is empty', () => {
    expect(checkCallbackUrl('https://a.example.com/x', ['a.example.com']).host).toBe('a.example.com')
    expect(checkCallbackUrl('http://127.0.0.1:9000/x', ['127.0.0.1:9000']).port).toBe('9000')
    expect(() => checkCallbackUrl('http://127.0.0.1:9001/x', ['127.0.0.1:9000'])).toThrow(/WEBHOOK_CALLBACK_HOSTS/)
    expect(checkCallbackUrl('https://x.hooks.example.com/', ['*.hooks.example.com']).hostname).toBe('x.hooks.example.com')
    expect(() => checkCallbackUrl('https://evilhooks.example.com/', ['*.hooks.example.com'])).toThrow()
    expect(() => checkCallbackUrl('https://a.example.com/', [])).toThrow()
    expect(() => checkCallbackUrl('https://user:pw@a.example.com/', ['a.example.com'])).toThrow(/credentials/)
  })
})
