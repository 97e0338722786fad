import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startWranglerDev } from '../../src/node/wrangler.js'
import type { IndexBundle } from '../../src/core/corpus.js'
import { createApp } from '../../src/http/app.js'
import { createWorkerServices } from '../../src/worker/services.js'
import { comparisonQuestions, type QuestionCase } from '../worker/questions.js'

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
  /** Round-trip wall time per `/ask` in real workerd (`wrangler dev`): an upper bound that includes the local proxy. */
  workerdWall?: Distribution
}

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
  if (options.workerd) report.workerdWall = await workerdWallTimes(cases)
  return report
}

/** Node loads its Request/Response implementation lazily (~20 ms); workerd's are built in, so keep that out of the figures. */
async function warmNodeFetchApi(): Promise<void> {
  const request = new Request('http://warm-up/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  await new Response(JSON.stringify(await request.json()), { headers: { 'content-type': 'application/json' } }).text()
}

async function workerdWallTimes(cases: QuestionCase[]): Promise<Distribution> {
  const dev = await startWranglerDev()
  try {
    for (const item of cases) await (await fetch(askRequest(dev.url, item))).text()
    const samples: number[] = []
    for (const item of cases) {
      const started = performance.now()
      await (await fetch(askRequest(dev.url, item))).text()
      samples.push(performance.now() - started)
    }
    return distribution(samples)
  } finally {
    await dev.stop()
  }
}
