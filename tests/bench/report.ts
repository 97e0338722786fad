import type { ColdStartResult } from './cold-start.js'
import { EARLY_PASSES, WARM_UP_PASSES, type InProcessResult } from './in-process.js'
import { logLogChart } from './plot.js'
import type { ScaleResult } from './scale.js'
import { ms } from './stats.js'
import type { ThroughputResult } from './throughput.js'

export interface BenchResults {
  inProcess: InProcessResult
  throughput: ThroughputResult
  coldStart: ColdStartResult
  scale: ScaleResult[]
}

export interface Row {
  measure: string
  result: string
  target: string
  /** undefined: informational, no target. */
  met?: boolean
}

const LARGEST = 100_000
const num = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const mib = (bytes: number) => `${num(bytes / 2 ** 20, 1)} MiB`
const pct = (share: number) => `${(share * 100).toFixed(1)}%`
const k = (n: number) => (n >= 1000 ? `${num(n / 1000)}k` : String(n))

/** The rows of the one results table; targets per the benchmarks issue (never lowered). */
export function rows(r: BenchResults): Row[] {
  const out: Row[] = []
  const { inProcess: ip, throughput: t, coldStart: cs } = r
  out.push({ measure: `In-process \`POST /ask\`, answer cache off, steady state (app.request, ${ip.questions} questions, n=${ip.ask.count}, after ${WARM_UP_PASSES} passes)`, result: `p50 ${ms(ip.ask.p50, 3)}, p99 ${ms(ip.ask.p99, 3)}, max ${ms(ip.ask.max)}`, target: 'p99 ≤ 1 ms', met: ip.ask.p99 <= 1 })
  if (ip.askEarly) out.push({ measure: `In-process \`POST /ask\`, answer cache off, early (after ${EARLY_PASSES} passes, V8 still compiling; n=${ip.askEarly.count})`, result: `p50 ${ms(ip.askEarly.p50, 3)}, p99 ${ms(ip.askEarly.p99, 3)}, max ${ms(ip.askEarly.max)}`, target: '' })
  if (ip.askCached) out.push({ measure: `In-process \`POST /ask\`, answer cache on (the default; n=${ip.askCached.count})`, result: `p50 ${ms(ip.askCached.p50, 3)}, p99 ${ms(ip.askCached.p99, 3)}, max ${ms(ip.askCached.max)}`, target: '' })
  out.push({ measure: `In-process \`GET /search\` (n=${ip.search.count})`, result: `p50 ${ms(ip.search.p50, 3)}, p99 ${ms(ip.search.p99, 3)}, max ${ms(ip.search.max)}`, target: '' })
  const http = (label: string, x: ThroughputResult['hello']) => ({
    measure: `HTTP ${label} \`${x.route}\` (${t.connections} conn, ${t.seconds} s)`,
    result: `${num(x.requestsPerSecond)} req/s, p99 ${x.p99} ms${x.errors || x.non2xx ? `, ${x.errors} errors, ${x.non2xx} non-2xx` : ''}`,
    target: '',
  })
  out.push(http('(a) hello world', t.hello))
  out.push(http(`(b) ceiling, JSON ${num(t.requestBytes)} B in / ${num(t.responseBytes)} B out`, t.ceiling))
  const c = t.ask.requestsPerSecond / t.ceiling.requestsPerSecond
  const d = t.search.requestsPerSecond / t.ceiling.requestsPerSecond
  out.push({ ...http('(c) answer cache on (default)', t.ask), result: `${http('(c)', t.ask).result}; c/b = ${c.toFixed(2)}`, target: 'c/b ≥ 0.5', met: c >= 0.5 })
  if (t.askUncached) {
    const c0 = t.askUncached.requestsPerSecond / t.ceiling.requestsPerSecond
    out.push({ ...http('(c) answer cache off', t.askUncached), result: `${http('(c)', t.askUncached).result}; c/b = ${c0.toFixed(2)}`, target: 'c/b ≥ 0.5', met: c0 >= 0.5 })
  }
  out.push({ ...http('(d)', t.search), result: `${http('(d)', t.search).result}; d/b = ${d.toFixed(2)}` })
  out.push(...coldStartRows(cs))
  return [...out, ...scaleRows(r.scale)]
}

/** The scale rows alone (targets apply at 100k chunks). */
export function scaleRows(scale: readonly ScaleResult[]): Row[] {
  const out: Row[] = []
  for (const s of scale) {
    const big = s.chunks >= LARGEST
    const at = `${k(s.chunks)} chunks`
    const target = (text: string, met: boolean) => (big ? { target: text, met } : { target: '' })
    out.push({ measure: `${at}: ingest (${num(s.documents)} documents)`, result: `${num(s.ingest.chunksPerSecond)} chunks/s (${num(s.ingest.seconds, 1)} s); index ${mib(s.indexBytes)}`, ...target('≥ 5,000 chunks/s', s.ingest.chunksPerSecond >= 5000) })
    out.push({ measure: `${at}: serving RSS`, result: `peak ${num(s.serving.peakRssMiB)} MiB while serving (start-up high-water ${num(s.serving.highWaterMiB)} MiB; ready in ${num(s.serving.startMs)} ms)`, ...target('≤ 600 MB', s.serving.peakRssMiB * 2 ** 20 <= 600e6) })
    out.push({ measure: `${at}: hnswlib k=10 (efSearch ${s.hnsw.efSearch})`, result: `p50 ${ms(s.hnsw.p50, 3)}, p99 ${ms(s.hnsw.p99, 3)}`, ...target('p50 ≤ 1 ms', s.hnsw.p50 <= 1) })
    out.push({ measure: `${at}: exact flat k=10`, result: `p50 ${ms(s.flat.p50)}, p99 ${ms(s.flat.p99)}`, target: '' })
    const sweep = s.sweep.map((w) => `efSearch ${w.efSearch}: ${w.recallAt10.toFixed(3)} at p50 ${ms(w.p50, 2)}`).join('; ')
    const planted = s.plantedInTop10 ? `; the planted fact's chunk is in the top 10 for ${pct(s.plantedInTop10.exact)} of questions (exact) and ${pct(s.plantedInTop10.hnsw)} (hnsw)` : ''
    out.push({ measure: `${at}: recall@10, hnsw vs exact`, result: `${s.recallAt10.toFixed(3)}${sweep ? ` (${sweep})` : ''}${planted}`, ...target('≥ 0.95', s.recallAt10 >= 0.95) })
    out.push({ measure: `${at}: planted-fact questions`, result: `${s.planted.correct}/${s.planted.asked} = ${(s.planted.rate * 100).toFixed(1)}% correct with a valid citation (HTTP /ask p50 ${ms(s.planted.ask.p50)}, p99 ${ms(s.planted.ask.p99)})`, ...target('≥ 90%', s.planted.rate >= 0.9) })
  }
  return out
}

/** Cold start: `npm start` and the command it runs carry the target; tsx is shown for comparison. */
export function coldStartRows(cs: ColdStartResult): Row[] {
  const list = [cs.npmStart, cs.direct, cs.tsx].filter(Boolean).map((s): Row => {
    const main = s !== cs.tsx
    return {
      measure: `Cold start, ${s.how} (median of ${s.runs})`,
      result: `/healthz 200 after ${num(s.healthzMs)} ms; first answer after ${num(s.firstAnswerMs)} ms${s.cpuMs === undefined ? '' : ` (${num(s.cpuMs)} ms CPU)`}`,
      target: main ? 'first answer ≤ 500 ms' : '',
      ...(main ? { met: s.firstAnswerMs <= 500 } : {}),
    }
  })
  if (cs.floor) list.push({ measure: 'Cold start floors, same conditions (no server)', result: `\`node -e 0\` exits after ${num(cs.floor.nodeMs)} ms; \`npm run env\` (npm's own start-up and a shell) after ${num(cs.floor.npmRunMs)} ms`, target: '' })
  return list
}

export function markdownTable(list: readonly Row[]): string {
  const status = (r: Row) => (r.met === undefined ? '' : r.met ? '✅ met' : '❌ missed')
  const lines = ['| Measure | Result | Target | Status |', '|---|---|---|---|']
  for (const r of list) lines.push(`| ${r.measure} | ${r.result} | ${r.target} | ${status(r)} |`)
  return `${lines.join('\n')}\n`
}

/** Latency against corpus size, both axes log-scaled. */
export function latencyChart(scale: readonly ScaleResult[]): string {
  const at = (pick: (s: ScaleResult) => number) => scale.map((s): [number, number] => [s.chunks, pick(s)])
  return logLogChart('Latency vs corpus size (vector search k=10; HTTP /ask)', 'chunks (log scale)', 'milliseconds (log scale)', [
    { name: 'hnswlib p50', color: '#1f77b4', points: at((s) => s.hnsw.p50) },
    { name: 'hnswlib p99', color: '#1f77b4', dashed: true, points: at((s) => s.hnsw.p99) },
    { name: 'exact flat p50', color: '#d62728', points: at((s) => s.flat.p50) },
    { name: 'exact flat p99', color: '#d62728', dashed: true, points: at((s) => s.flat.p99) },
    { name: 'HTTP /ask p50 (planted)', color: '#2ca02c', points: at((s) => s.planted.ask.p50) },
  ])
}
