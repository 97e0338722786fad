/**
 * Measures what the service adds to a model-mode `POST /ask`, outside the model call itself.
 * Each request goes through the whole Hono app in-process (validation, retrieval, the fallback
 * answer, prompt, citation checks, JSON); the model call is the answer chain's run against a
 * local scripted OpenAI-compatible server, timed by LangChain run listeners and subtracted.
 *
 *   npm run bench:llm            # 300 requests after 30 warm-up requests
 *   npm run bench:llm -- 1000
 */
import { parseConfig } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { LlmAnswerer } from '../../src/llm/answerer.js'
import { createAnswerChain, createChatModel } from '../../src/llm/model.js'
import { loadNodeServices } from '../../src/node/services.js'
import { reply, startFakeOpenAI } from '../helpers/openai-server.js'

const requests = Number(process.argv[2] ?? 300)
const warmup = 30
const question = 'Which cities host kaolin clusters?'
const quote = 'kaolin industrial clusters in Xinzhou and Shuozhou cities'

const fake = await startFakeOpenAI()
fake.onChat((body, _req, res) => {
  const user = String(body.messages.at(-1).content)
  const passages: Array<{ id: number; text: string }> = JSON.parse(user.slice(user.indexOf('\n') + 1, user.indexOf('\n\nQuestion (JSON data):')))
  const n = passages.find((p) => p.text.includes(quote))!.id
  return reply(body, res, JSON.stringify({ answerable: true, citations: [{ passageId: n, quote }], answer: `Kaolin clusters are in Xinzhou and Shuozhou [${n}].` }), { pieces: 8 })
})

const config = parseConfig({ OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'bench-model', LLM_TIMEOUT_MS: '8000' })
const services = await loadNodeServices(config)
let modelStarted = 0
let modelMs = 0
const chain = createAnswerChain(createChatModel(config)).withListeners({
  onStart: () => void (modelStarted = performance.now()),
  onEnd: () => void (modelMs = performance.now() - modelStarted),
})
const { corpus, retriever } = services
const { fallback } = services.answerer as LlmAnswerer
services.answerer = new LlmAnswerer({ corpus, retriever, chain, fallback, timeoutMs: config.openai.timeoutMs })
const app = createApp(services)

const totals: number[] = []
const models: number[] = []
const overheads: number[] = []
try {
  for (let i = 0; i < warmup + requests; i++) {
    modelMs = Number.NaN
    const started = performance.now()
    const res = await app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
    const body = (await res.json()) as { source: string }
    const total = performance.now() - started
    if (body.source !== 'llm' || Number.isNaN(modelMs)) throw new Error(`expected a model answer, got ${JSON.stringify(body)}`)
    if (i < warmup) continue
    totals.push(total)
    models.push(modelMs)
    overheads.push(total - modelMs)
  }
} finally {
  await fake.close()
}

const fmt = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2)
  return `p50 ${at(50)} ms, p99 ${at(99)} ms`
}
console.log(`POST /ask in model mode: ${requests} sequential requests, model = local scripted OpenAI-compatible server`)
console.log(`  service overhead outside the model call: ${fmt(overheads)}   (target: p50 <= 5 ms)`)
console.log(`  model call (LangChain + HTTP + server):  ${fmt(models)}`)
console.log(`  whole request:                           ${fmt(totals)}`)
