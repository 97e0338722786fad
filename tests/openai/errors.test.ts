import OpenAI, { APIError } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { loadNodeServices } from '../../src/node/services.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'
import { QUESTION } from '../helpers/llm.js'

const chat = (content: string, extra: object = {}) => ({ model: 'blueprint-qa', messages: [{ role: 'user', content }], ...extra })

let server: RunningServer
let keyed: RunningServer
let broken: RunningServer
beforeAll(async () => {
  const services = await loadNodeServices(parseConfig({}))
  const failing = { ...services, answerer: { ask: () => Promise.reject(new Error('disk on fire at /secret/path')) } }
  ;[server, keyed, broken] = await Promise.all([startServer({}, services), startServer({ API_KEYS: 'key-one,key-two' }), startServer({}, failing)])
})
afterAll(async () => {
  await Promise.all([server.close(), keyed.close(), broken.close()])
})

const clientFor = (s: RunningServer, apiKey = 'unused') => new OpenAI({ baseURL: `${s.url}/v1`, apiKey, maxRetries: 0 })

/** The error the openai client throws for a call, with its status and OpenAI error fields. */
async function failure(call: Promise<unknown>): Promise<APIError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(APIError)
  return error as APIError
}

/** The raw body and status of a request, checked to be exactly OpenAI's error shape. */
async function rawError(res: Response) {
  const body = (await res.json()) as { error: Record<string, unknown> }
  expect(Object.keys(body)).toEqual(['error'])
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type'])
  expect(typeof body.error.message).toBe('string')
  return { status: res.status, ...body.error }
}

describe('/v1 errors in OpenAI shape', () => {
  it('answers 404 model_not_found for an unknown model', async () => {
    const error = await failure(clientFor(server).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: QUESTION }] }))
    expect(error).toMatchObject({ status: 404, type: 'invalid_request_error', code: 'model_not_found', param: 'model' })
    expect(error.message).toMatch(/gpt-4o/)
    expect(await rawError(await postJson(`${server.url}/v1/chat/completions`, chat(QUESTION, { model: 'nope' })))).toMatchObject({ status: 404, code: 'model_not_found' })
  })

  it('answers 400 invalid_request_error for empty messages, no user message, a missing model or an over-long question', async () => {
    const c = clientFor(server)
    expect(await failure(c.chat.completions.create({ model: 'blueprint-qa', messages: [] }))).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'messages' })
    const systemOnly = c.chat.completions.create({ model: 'blueprint-qa', messages: [{ role: 'system', content: 'Be brief.' }] })
    expect(await failure(systemOnly)).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'messages' })
    expect(await rawError(await postJson(`${server.url}/v1/chat/completions`, { messages: [{ role: 'user', content: QUESTION }] }))).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'model',
    })
    const long = await failure(c.chat.completions.create(chat('x'.repeat(2001)) as never))
    expect(long).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'messages[0].content' })
    expect(long.message).toMatch(/2000 characters/)
  })

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    expect(await rawError(await postJson(`${server.url}/v1/chat/completions`, '{"model": '))).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'invalid_json' })
    const form = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: 'model=blueprint-qa' })
    expect(await rawError(form)).toMatchObject({ status: 415, type: 'invalid_request_error', code: 'unsupported_media_type' })
  })

  it('answers 413 for a body over 256 KiB and 404 for an unknown /v1 route', async () => {
    const huge = await postJson(`${server.url}/v1/chat/completions`, chat('y'.repeat(300 * 1024)))
    expect(await rawError(huge)).toMatchObject({ status: 413, type: 'invalid_request_error', code: 'request_too_large' })
    expect(await rawError(await fetch(`${server.url}/v1/embeddings`, { method: 'POST' }))).toMatchObject({ status: 404, type: 'invalid_request_error', code: 'unknown_url' })
  })

  it('answers 500 server_error without internals when answering fails, plain and streamed', async () => {
    const error = await failure(clientFor(broken).chat.completions.create(chat(QUESTION) as never))
    expect(error).toMatchObject({ status: 500, type: 'server_error' })
    expect(error.message).not.toMatch(/secret|fire/)
    const stream = await clientFor(broken).chat.completions.create({ ...chat(QUESTION), stream: true } as never)
    const streamed = await failure((async () => {
      for await (const _ of stream as unknown as AsyncIterable<unknown>) void _
    })())
    expect(streamed.message).toMatch(/could not be completed/)
    expect(streamed.message).not.toMatch(/secret|fire/)
  })
})

describe('/v1 with API_KEYS', () => {
  it('answers with any configured key, as Authorization: Bearer', async () => {
    const completion = await clientFor(keyed, 'key-two').chat.completions.create(chat(QUESTION) as never)
    expect(completion).toMatchObject({ object: 'chat.completion', grounded: true })
    const models = await clientFor(keyed, 'key-one').models.list()
    expect(models.data.map((m) => m.id)).toEqual(['blueprint-qa'])
  })

  it('answers 401 authentication_error for a wrong key and for no key', async () => {
    const wrong = await failure(clientFor(keyed, 'key-three').chat.completions.create(chat(QUESTION) as never))
    expect(wrong).toMatchObject({ status: 401, type: 'authentication_error', code: 'unauthorized', param: null })
    expect(wrong.message).toMatch(/not valid/)
    const missing = await fetch(`${keyed.url}/v1/models`)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(await rawError(missing)).toMatchObject({ status: 401, type: 'authentication_error', code: 'unauthorized' })
  })

  it('answers 429 rate_limit_error with Retry-After once the rate limit is spent', async () => {
    const limited = await startServer({}, { ...server.services, config: parseConfig({ RATE_LIMIT_PER_MINUTE: '1' }) })
    try {
      const client = new OpenAI({ baseURL: `${limited.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'cf-connecting-ip': '203.0.113.7' } })
      await client.models.list()
      const error = await failure(client.models.list())
      expect(error).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'rate_limited' })
      expect(error.headers?.get('retry-after')).toMatch(/^\d+$/)
    } finally {
      await limited.close()
    }
  })

  it('leaves /v1 open when no keys are configured', async () => {
    expect((await fetch(`${server.url}/v1/models`)).status).toBe(200)
  })
})
