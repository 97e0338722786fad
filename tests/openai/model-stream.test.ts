import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/core/types.js'
import { REPLACED_NOTICE } from '../../src/integrations/openai-compat/stream.js'
import { CARBON, citationOf, fallbackFor, KAOLIN, modelJson, passageWith, QUESTION } from '../helpers/llm.js'
import { reply, startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { startServer, type RunningServer } from '../helpers/server.js'


let fake: FakeOpenAI
let llm: RunningServer
let client: OpenAI
beforeAll(async () => {
  fake = await startFakeOpenAI()
  llm = await startServer({ OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '3000', PUBLIC_BASE_URL: 'https://qa.example.org' })
  client = new OpenAI({ baseURL: `${llm.url}/v1`, apiKey: 'unused', maxRetries: 0 })
})
afterAll(async () => {
  await llm.close()
  await fake.close()
})

const twoSentences = (body: any) => {
  const n = passageWith(body, KAOLIN, CARBON)
  return modelJson(`Kaolin clusters are in Xinzhou and Shuozhou [${n}]. Carbon clusters are in Jinzhong and Datong [${n}].`, [
    { passageId: n, quote: KAOLIN },
    { passageId: n, quote: CARBON },
  ])
}

const link = (c: { documentId: string; start: number; end: number }) => `https://qa.example.org/documents/${c.documentId}#${c.start}-${c.end}`

async function streamed() {
  const stream = await client.chat.completions.create({ model: 'blueprint-qa', messages: [{ role: 'user', content: QUESTION }], stream: true })
  const chunks = []
  for await (const chunk of stream) chunks.push(chunk)
  return { deltas: chunks.map((c) => c.choices[0]?.delta.content ?? '').filter(Boolean), last: chunks.at(-1) as unknown as AskResponse }
}

describe('/v1/chat/completions over a model-written answer', () => {
  it('streams each checked sentence as it is written, then the Sources list and the citations', async () => {
    fake.onChat((body, _req, res) => reply(body, res, twoSentences(body), { pieces: 12 }))
    const [kaolin, carbon] = [citationOf(llm.services, 1, KAOLIN), citationOf(llm.services, 2, CARBON)]
    const { deltas, last } = await streamed()
    expect(deltas).toEqual([
      'Kaolin clusters are in Xinzhou and Shuozhou [1][2].',
      ' Carbon clusters are in Jinzhong and Datong [1][2].',
      `\n\nSources:\n- [1] "${KAOLIN}" — ${kaolin.title} (${link(kaolin)})\n- [2] "${CARBON}" — ${carbon.title} (${link(carbon)})`,
    ])
    expect(last).toMatchObject({ citations: [kaolin, carbon], grounded: true, source: 'llm' })
  })

  it('follows broken-off streamed text with a notice and the whole fallback answer, whose citations it carries', async () => {
    fake.onChat((body, _req, res) => {
      const content = twoSentences(body)
      return reply(body, res, content, { pieces: 6, cutAt: content.indexOf('Carbon clusters') + 10 })
    })
    const fallback = await fallbackFor(llm.services, QUESTION, 'stream_interrupted')
    const sources = fallback.citations.map((c) => `- [${c.id}] "${c.quote}" — ${c.title} (${link(c)})`).join('\n')
    const { deltas, last } = await streamed()
    expect(deltas).toEqual(['Kaolin clusters are in Xinzhou and Shuozhou [1][2].', `\n\n${REPLACED_NOTICE}\n\n${fallback.answer}\n\nSources:\n${sources}`])
    expect(last).toMatchObject({ citations: fallback.citations, grounded: fallback.grounded, source: fallback.source, fallbackReason: 'stream_interrupted' })
  })
})
