import { notInSource } from '../../src/answer/extractive.js'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/core/types.js'
import { SYSTEM_PROMPT } from '../../src/llm/prompt.js'
import { citationOf, fallbackFor, KAOLIN, modelJson, passagesOf, passageWith, QUESTION } from '../helpers/llm.js'
import { json, reply, startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'

const CERAMICS = 'architectural ceramics industrial clusters in Jincheng and Shuozhou cities'

let fake: FakeOpenAI
let server: RunningServer
const llmEnv = (timeoutMs: number) => ({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: String(timeoutMs) })

beforeAll(async () => {
  fake = await startFakeOpenAI()
  server = await startServer(llmEnv(2500))
})
afterAll(async () => {
  await server.close()
  await fake.close()
})
beforeEach(() => void fake.requests.splice(0))

const ask = async (question = QUESTION, url = server.url, history?: unknown) => {
  const res = await postJson(`${url}/ask`, { question, ...(history ? { history } : {}) })
  expect(res.status).toBe(200)
  return (await res.json()) as AskResponse
}

/** Scripts the model to cite the passage holding `quote` (or `passageId`) with `answer` built from its number. */
const scriptAnswer = (answer: (n: number) => string, quote = KAOLIN, passageId?: (n: number) => number) =>
  fake.onChat((body, _req, res) => {
    const n = passageWith(body, KAOLIN)
    return reply(body, res, modelJson(answer(n), [{ passageId: passageId?.(n) ?? n, quote }]))
  })

describe('model-written answers', () => {
  it('returns the model answer with its quote checked and mapped to document offsets', async () => {
    scriptAnswer((n) => `Kaolin clusters are in Xinzhou and Shuozhou [${n}].`)
    expect(await ask()).toEqual({
      answer: 'Kaolin clusters are in Xinzhou and Shuozhou [1].',
      grounded: true,
      source: 'llm',
      citations: [citationOf(server.services, 1, KAOLIN)],
    })
  })

  it('sends the configured model, key, JSON schema, system prompt, history and passages as JSON data', async () => {
    scriptAnswer((n) => `Xinzhou [${n}].`)
    await ask(QUESTION, server.url, [{ role: 'user', content: 'Tell me about coking' }, { role: 'assistant', content: 'Coking is traditional.' }])
    const [call] = fake.chats
    expect(call!.headers.authorization).toBe('Bearer test-key')
    expect(call!.body).toMatchObject({ model: 'test-model', stream: true, response_format: { type: 'json_schema', json_schema: { name: 'cited_answer', strict: true } } })
    expect(call!.body.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'user'])
    expect(call!.body.messages[0].content).toBe(SYSTEM_PROMPT)
    expect(call!.body.messages[1].content).toBe('Tell me about coking')
    expect(call!.body.messages[3].content).toMatch(/\n\nQuestion \(JSON data\):\n"Which cities host kaolin clusters\?"$/)
    const text = server.services.corpus.documents[0]!.text
    for (const p of passagesOf(call!.body)) expect(text).toContain(p.text)
  })

  it('renumbers citations across passages and keeps several quotes of one passage', async () => {
    fake.onChat((body, _req, res) => {
      const n = passageWith(body, KAOLIN, CERAMICS)
      const citations = [{ passageId: n, quote: KAOLIN }, { passageId: n, quote: CERAMICS }]
      return reply(body, res, modelJson(`Kaolin: Xinzhou and Shuozhou; ceramics: Jincheng and Shuozhou [${n}].`, citations))
    })
    expect(await ask()).toEqual({
      answer: 'Kaolin: Xinzhou and Shuozhou; ceramics: Jincheng and Shuozhou [1][2].',
      grounded: true,
      source: 'llm',
      citations: [citationOf(server.services, 1, KAOLIN), citationOf(server.services, 2, CERAMICS)],
    })
  })

  it('drops a sentence citing a passage that does not exist and keeps the verified one', async () => {
    fake.onChat((body, _req, res) => {
      const n = passageWith(body, KAOLIN)
      return reply(body, res, modelJson(`Kaolin clusters are in Xinzhou [${n}]. Shanxi also mines gold [99].`, [{ passageId: n, quote: KAOLIN }, { passageId: 99, quote: 'gold mines in Shanxi' }]))
    })
    expect(await ask()).toEqual({ answer: 'Kaolin clusters are in Xinzhou [1].', grounded: true, source: 'llm', citations: [citationOf(server.services, 1, KAOLIN)] })
  })

  it('falls back with no_valid_citations when the only cited passage does not exist', async () => {
    scriptAnswer((n) => `Kaolin clusters are in Xinzhou [${n + 40}].`, KAOLIN, (n) => n + 40)
    expect(await ask()).toEqual(await fallbackFor(server.services, QUESTION, 'no_valid_citations'))
  })

  it('falls back with no_valid_citations when the quote is not in the passage', async () => {
    scriptAnswer((n) => `Kaolin clusters are in Beijing [${n}].`, 'kaolin industrial clusters in Beijing')
    expect(await ask()).toEqual(await fallbackFor(server.services, QUESTION, 'no_valid_citations'))
  })

  it('falls back with no_valid_citations when the answer has no citations', async () => {
    fake.onChat((body, _req, res) => reply(body, res, modelJson('Kaolin clusters are in Xinzhou and Shuozhou.', [])))
    expect(await ask()).toEqual(await fallbackFor(server.services, QUESTION, 'no_valid_citations'))
  })

  it('falls back with malformed_output on broken JSON', async () => {
    fake.onChat((body, _req, res) => reply(body, res, '{"answerable": true, "citations": [{"passageId": 1, "quote": "kaolin'))
    expect(await ask()).toEqual(await fallbackFor(server.services, QUESTION, 'malformed_output'))
  })

  it('answers grounded:false when the model says the passages do not answer', async () => {
    const question = 'What will the steel clusters export in 2030?'
    fake.onChat((body, _req, res) => reply(body, res, modelJson('', [], false)))
    expect(await ask(question)).toEqual({ answer: notInSource().answer, grounded: false, source: 'llm', citations: [] })
  })

  it('answers grounded:false without calling the model when retrieval finds nothing relevant', async () => {
    const question = 'What is the recipe for chocolate cake?'
    expect(await ask(question)).toEqual(await fallbackFor(server.services, question, 'no_relevant_passages'))
    expect(fake.chats).toHaveLength(0)
  })
})

describe('the fallback chain', () => {
  it('retries HTTP 500 twice, then falls back with server_error', async () => {
    fake.onChat((_body, _req, res) => json(res, 500, { error: { message: 'boom' } }))
    expect(await ask()).toEqual(await fallbackFor(server.services, QUESTION, 'server_error'))
    expect(fake.chats).toHaveLength(3)
  })

  it('waits as long as Retry-After says on 429, then answers', async () => {
    let calls = 0
    fake.onChat((body, _req, res) => {
      if (calls++ === 0) return json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '1' })
      return reply(body, res, modelJson(`Xinzhou and Shuozhou [${passageWith(body, KAOLIN)}].`, [{ passageId: passageWith(body, KAOLIN), quote: KAOLIN }]))
    })
    expect(await ask()).toEqual({ answer: 'Xinzhou and Shuozhou [1].', grounded: true, source: 'llm', citations: [citationOf(server.services, 1, KAOLIN)] })
    expect(fake.chats).toHaveLength(2)
    expect(fake.chats[1]!.at - fake.chats[0]!.at).toBeGreaterThanOrEqual(950)
  })

  it('falls back at once with rate_limited when Retry-After is beyond the deadline', async () => {
    fake.onChat((_body, _req, res) => json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '60' }))
    const started = Date.now()
    expect(await ask()).toEqual(await fallbackFor(server.services, QUESTION, 'rate_limited'))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(fake.chats).toHaveLength(1)
  })

  it('falls back with timeout within LLM_TIMEOUT_MS plus a small margin and aborts the hanging call', async () => {
    const quick = await startServer(llmEnv(300))
    try {
      fake.onChat(() => undefined)
      const started = Date.now()
      expect(await ask(QUESTION, quick.url)).toEqual(await fallbackFor(quick.services, QUESTION, 'timeout'))
      expect(Date.now() - started).toBeLessThan(300 + 500)
      expect(await fake.chats[0]!.closed).toBe(true)
    } finally {
      await quick.close()
    }
  })

  it('falls back with connection_error when nothing listens at the endpoint', async () => {
    const gone = await startFakeOpenAI()
    await gone.close()
    const offline = await startServer({ OPENAI_BASE_URL: gone.url, LLM_TIMEOUT_MS: '2000' })
    try {
      expect(await ask(QUESTION, offline.url)).toEqual(await fallbackFor(offline.services, QUESTION, 'connection_error'))
    } finally {
      await offline.close()
    }
  })
})

describe('GET /healthz in model mode', () => {
  it('reports the model and endpoint, never the key', async () => {
    const res = await fetch(`${server.url}/healthz`)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', mode: 'llm', llm: { model: 'test-model', endpoint: new URL(fake.url).origin, timeoutMs: 2500 } })
    expect(text).not.toContain('test-key')
  })
})
