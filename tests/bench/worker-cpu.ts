import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startWranglerDev } from '../../src/node/wrangler.js'
import type { IndexBundle } from '../../src/core/corpus.js'
import { createApp } from '../../src/http/app.js'
import { createWorkerServices } from '../../src/worker/services.js'
import { comparisonQuestions, type QuestionCase } from '../worker/questions.js'
import { WorkerdCpu } from './workerd-cpu.js'

/** The free plan's CPU budget per request. */
export const FREE_PLAN_CPU_MS = 10
/** Each warm question is asked this many times and the median counts: process CPU includes V8's background threads (GC, compiler). */
const REPEATS = 5

export interface Distribution {
  count: number
  p50: number
  p95: number
  max: number
}

export interface WorkerCpuReport {
  questions: string
  /** Parsing the bundled index: the only work the Worker does at global scope. */
  globalScopeMs: number
  /** The first request in a fresh isolate: builds the services (corpus, BM25, embedder) and runs cold code. */
  firstRequestMs: number
  /** CPU per warm `/ask` request, one sample per question (median of {@link REPEATS}). */
  cpu: Distribution
  overBudget: number
  /** The same requests in real workerd (`wrangler dev`), CPU of the workerd process from Linux's schedstat. */
  workerd?: WorkerdReport
}

export interface WorkerdReport {
  /** CPU of the first `/ask` in a fresh isolate (it builds the services), one per fresh start. */
  firstRequest: Distribution
  /** CPU per warm `/ask`, one sample per question. */
  cpu: Distribution
  overBudget: number
  /** Round-trip wall time per warm `/ask` through wrangler's local proxy. */
  wall: Distribution
  /** CPU of one `GET /healthz`: what workerd and miniflare's routing cost around any request. */
  healthzMs: number
}

/** Fresh isolates started for the first-request figure (each is a new `wrangler dev`). */
const FRESH_STARTS = 3

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since)
  return (user + system) / 1000
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 }
}

const askRequest = (base: string, item: QuestionCase) =>
  new Request(`${base}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item) })

/**
 * Measures the Worker's per-request CPU time for embedded-mode `/ask` over the gold questions,
 * running the Worker's own assembly (`createWorkerServices` + `createApp`) in this V8 with
 * `process.cpuUsage`, and optionally the wall time of the same requests in real workerd.
 *
 * @example
 * const report = await measureWorkerCpu({ workerd: true })
 */
export async function measureWorkerCpu(options: { workerd?: boolean; indexDir?: string } = {}): Promise<WorkerCpuReport> {
  const dir = options.indexDir ?? 'index'
  const [corpusText, vectorBytes] = await Promise.all([readFile(join(dir, 'corpus.json'), 'utf8'), readFile(join(dir, 'vectors.bin'))])
  const { source, cases } = comparisonQuestions()

  let start = process.cpuUsage()
  const bundle = JSON.parse(corpusText) as IndexBundle
  const vectors = vectorBytes.buffer.slice(vectorBytes.byteOffset, vectorBytes.byteOffset + vectorBytes.byteLength)
  const globalScopeMs = cpuMs(start)

  await warmNodeFetchApi()
  start = process.cpuUsage()
  const app = createApp(createWorkerServices({}, bundle, vectors))
  await (await app.fetch(askRequest('http://worker', cases[0]!))).text()
  const firstRequestMs = cpuMs(start)

  for (const item of cases) await (await app.fetch(askRequest('http://worker', item))).text()
  const samples: number[] = []
  for (const item of cases) {
    const reps: number[] = []
    for (let rep = 0; rep < REPEATS; rep++) {
      start = process.cpuUsage()
      await (await app.fetch(askRequest('http://worker', item))).text()
      reps.push(cpuMs(start))
    }
    samples.push(distribution(reps).p50)
  }
  const report: WorkerCpuReport = {
    questions: `${cases.length} from ${source}`,
    globalScopeMs,
    firstRequestMs,
    cpu: distribution(samples),
    overBudget: samples.filter((ms) => ms > FREE_PLAN_CPU_MS).length,
  }
  if (options.workerd) report.workerd = await measureInWorkerd(cases)
  return report
}

/** Node loads its Request/Response implementation lazily (~20 ms); workerd's are built in, so keep that out of the figures. */
async function warmNodeFetchApi(): Promise<void> {
  const request = new Request('http://warm-up/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  await new Response(JSON.stringify(await request.json()), { headers: { 'content-type': 'application/json' } }).text()
}

/**
 * CPU in real workerd: each fresh `wrangler dev` is ready before any request reaches the Worker, so its
 * first `/ask` builds the services; the last start then answers every question warm.
 */
async function measureInWorkerd(cases: QuestionCase[]): Promise<WorkerdReport> {
  const firsts: number[] = []
  for (let start = 1; start <= FRESH_STARTS; start++) {
    const dev = await startWranglerDev({ readyWhen: 'inspector', vars: { LOG_LEVEL: 'silent' } })
    try {
      const workerd = await WorkerdCpu.find(dev.pid)
      await workerd.settle()
      const ask = (item: QuestionCase) => fetch(askRequest(dev.url, item)).then((r) => r.text())
      firsts.push(await workerd.cpuMsOf(() => ask(cases[0]!)))
      if (start < FRESH_STARTS) continue
      for (const item of cases) await ask(item)
      const cpu: number[] = []
      const wall: number[] = []
      for (const item of cases) {
        const started = performance.now()
        cpu.push(await workerd.cpuMsOf(() => ask(item)))
        wall.push(performance.now() - started)
      }
      const healthz = await workerd.cpuMsOf(() => fetch(`${dev.url}/healthz`).then((r) => r.text()))
      return { firstRequest: distribution(firsts), cpu: distribution(cpu), overBudget: cpu.filter((ms) => ms > FREE_PLAN_CPU_MS).length, wall: distribution(wall), healthzMs: healthz }
    } finally {
      await dev.stop()
    }
  }
  throw new Error('unreachable: the last fresh start measures the warm requests')
}
