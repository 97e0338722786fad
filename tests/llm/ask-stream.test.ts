import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Answerer } from '../../src/answer/answerer.js'
import type { AskResponse } from '../../src/core/types.js'
import { CARBON, citationOf, fallbackFor, KAOLIN, modelJson, parseSse, passageWith, QUESTION } from '../helpers/llm.js'
import { reply, startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'


let fake: FakeOpenAI
let llm: RunningServer
let embedded: RunningServer
beforeAll(async () => {
  fake = await startFakeOpenAI()
  ;[llm, embedded] = await Promise.all([startServer({ OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '3000' }), startServer()])
})
afterAll(async () => {
  await Promise.all([llm.close(), embedded.close()])
  await fake.close()
})
beforeEach(() => void fake.requests.splice(0))

const stream = async (url: string, body: unknown = { question: QUESTION }) => {
  const res = await postJson(`${url}/ask/stream`, body)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  return parseSse(await res.text())
}

const twoSentences = (body: any) => {
  const n = passageWith(body, KAOLIN, CARBON)
  return modelJson(`Kaolin clusters are in Xinzhou and Shuozhou [${n}]. Carbon clusters are in Jinzhong and Datong [${n}].`, [
    { passageId: n, quote: KAOLIN },
    { passageId: n, quote: CARBON },
  ])
}

describe('POST /ask/stream', () => {
  it('streams checked sentences as token events, then the full response in done', async () => {
    fake.onChat((body, _req, res) => reply(body, res, twoSentences(body), { pieces: 12 }))
    const citations = [citationOf(llm.services, 1, KAOLIN), citationOf(llm.services, 2, CARBON)]
    expect(await stream(llm.url)).toEqual([
      { event: 'token', data: { text: 'Kaolin clusters are in Xinzhou and Shuozhou [1][2].' } },
      { event: 'token', data: { text: ' Carbon clusters are in Jinzhong and Datong [1][2].' } },
      { event: 'done', data: { answer: 'Kaolin clusters are in Xinzhou and Shuozhou [1][2]. Carbon clusters are in Jinzhong and Datong [1][2].', grounded: true, source: 'llm', citations } },
    ])
  })

  it('answers in one token and a done event in the embedded mode', async () => {
    const expected = (await (await postJson(`${embedded.url}/ask`, { question: QUESTION })).json()) as AskResponse
    expect(await stream(embedded.url)).toEqual([
      { event: 'token', data: { text: expected.answer } },
      { event: 'done', data: expected },
    ])
  })

  it('replaces the streamed text with the fallback answer when the stream is cut mid-way', async () => {
    fake.onChat((body, _req, res) => {
      const content = twoSentences(body)
      return reply(body, res, content, { pieces: 6, cutAt: content.indexOf('Carbon clusters') + 10 })
    })
    const events = await stream(llm.url)
    expect(events.at(-1)).toEqual({ event: 'done', data: await fallbackFor(llm.services, QUESTION, 'stream_interrupted') })
    expect(events.slice(0, -1)).toEqual([{ event: 'token', data: { text: 'Kaolin clusters are in Xinzhou and Shuozhou [1][2].' } }])
  })

  it('aborts the upstream model call when the client disconnects', async () => {
    fake.onChat((body, _req, res) => reply(body, res, twoSentences(body) + ' '.repeat(2000), { pieces: 200, delayMs: 15 }))
    const client = new AbortController()
    const res = await postJson(`${llm.url}/ask/stream`, { question: QUESTION }, {}, client.signal)
    const reader = res.body!.getReader()
    let seen = ''
    while (!seen.includes('event: token')) seen += new TextDecoder().decode((await reader.read()).value)
    client.abort()
    const upstreamAborted = await Promise.race([fake.chats[0]!.closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 1500))])
    expect(upstreamAborted).toBe(true)
  })

  it('rejects bad input with the same JSON envelope as /ask before any stream starts', async () => {
    const res = await postJson(`${llm.url}/ask/stream`, { question: '  ' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: { code: 'invalid_request', message: 'question: question must not be empty' } })
    const text = await fetch(`${llm.url}/ask/stream`, { method: 'POST', body: 'question' })
    expect(text.status).toBe(415)
    expect(fake.chats).toHaveLength(0)
  })

  it('sends one error event and closes the stream when answering fails', async () => {
    const failing: Answerer = { ask: async () => Promise.reject(new Error('index exploded')) }
    const broken = await startServer({}, { ...embedded.services, answerer: failing })
    try {
      expect(await stream(broken.url)).toEqual([{ event: 'error', data: { error: { code: 'internal_error', message: 'The answer could not be completed' } } }])
    } finally {
      await broken.close()
    }
  })
})
