import { spawn } from 'node:child_process'
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BundledDocument } from '../../src/core/corpus.js'
import type { AskResponse } from '../../src/core/types.js'
import { LocalEmbeddings, type LocalEmbedderState } from '../../src/embeddings/local.js'
import { scoreAnswer } from '../../src/eval/score.js'
import { FlatIndex } from '../../src/index/flat.js'
import { HnswIndex } from '../../src/index/hnsw.js'
import { readIndexFiles } from '../../src/ingest/index-files.js'
import { memoryOf, peakRssDuring, serverArgs, spawnServer, tsxArgs } from './processes.js'
import { latency, type Latency } from './stats.js'
import { syntheticCorpus, writeSyntheticCorpus, type PlantedQuestion } from './synthetic.js'

export interface ScaleResult {
  chunks: number
  documents: number
  ingest: { seconds: number; chunksPerSecond: number }
  indexBytes: number
  serving: { peakRssMiB: number; highWaterMiB: number; startMs: number }
  hnsw: Latency & { efSearch: number }
  flat: Latency
  recallAt10: number
  /** Recall and latency of hnsw at other efSearch values, for the trade-off. */
  sweep: Array<{ efSearch: number; recallAt10: number; p50: number; p99: number }>
  /** Share of planted questions whose evidence chunk is among the top 10, exact and hnsw (shipped efSearch). */
  plantedInTop10?: { exact: number; hnsw: number }
  planted: { asked: number; correct: number; rate: number; ask: Latency }
}

export interface ScaleOptions {
  chunks: number
  workDir: string
  seed?: number
  questions?: number
  sweep?: number[]
  log?: (line: string) => void
}

/** Generates, ingests (as `npm run ingest` does, in a child process), serves and queries one corpus size. */
export async function measureScale(options: ScaleOptions): Promise<ScaleResult> {
  const log = options.log ?? (() => {})
  const dir = join(options.workDir, `n${options.chunks}`)
  await rm(dir, { recursive: true, force: true })
  const corpus = syntheticCorpus({ chunks: options.chunks, seed: options.seed ?? 8 })
  await writeSyntheticCorpus(join(dir, 'corpus'), corpus, 'corpus/aliases.json')
  log(`  ${corpus.chunks} chunks: ${corpus.documents.length} documents written; ingesting`)
  const env = { CORPUS_DIR: join(dir, 'corpus'), INDEX_DIR: join(dir, 'index') }
  const ingestSeconds = await runIngest(env)
  const indexBytes = await sizeOf(env.INDEX_DIR)
  const questions = spread(corpus.questions, options.questions ?? 200)

  log(`  serving ${corpus.chunks} chunks; asking ${questions.length} planted questions`)
  const server = await spawnServer(serverArgs, env)
  const files = await readIndexFiles(env.INDEX_DIR)
  const documentText = (id: string) => files.bundle.documents.find((d) => d.id === id)?.text
  let served: Awaited<ReturnType<typeof askPlanted>>
  let peakMiB: number
  let highWaterMiB: number
  try {
    ;({ result: served, peakMiB } = await peakRssDuring(server.pid, () => askPlanted(server.url, questions, documentText)))
    highWaterMiB = memoryOf(server.pid).hwm
  } finally {
    await server.stop()
  }

  log(`  vector search: hnswlib vs exact flat over ${questions.length} queries`)
  const embedder = new LocalEmbeddings(files.bundle.embedder.state as LocalEmbedderState)
  const queries = questions.map((q) => embedder.embed(q.question))
  const dims = files.manifest.embedder.dimensions
  const flat = new FlatIndex(files.vectors, dims)
  const exact: number[][] = []
  const flatTimes = queries.map((q) => {
    const started = performance.now()
    exact.push(flat.search(q, 10).map((s) => s.id))
    return performance.now() - started
  })
  const chunks = chunkSpans(files.bundle.documents)
  const holdsEvidence = (i: number) => (id: number) => {
    const q = questions[i]!
    const c = chunks[id]!
    return c.documentId === q.documentId && documentText(q.documentId)!.slice(c.start, c.end).includes(q.evidence)
  }
  let plantedExact = 0
  let plantedHnsw = 0
  exact.forEach((ids, i) => (plantedExact += Number(ids.some(holdsEvidence(i)))))
  const run = async (efSearch: number) => {
    const index = await HnswIndex.read(files.hnswPath, dims, files.manifest.counts.chunks, efSearch)
    for (const q of queries) index.search(q, 10)
    const times: number[] = []
    let hits = 0
    for (let round = 0; round < 3; round++) {
      queries.forEach((q, i) => {
        const started = performance.now()
        const found = index.search(q, 10)
        times.push(performance.now() - started)
        if (round === 0) hits += found.filter((s) => exact[i]!.includes(s.id)).length
        if (round === 0 && efSearch === files.manifest.hnsw.efSearch) plantedHnsw += Number(found.some((s) => holdsEvidence(i)(s.id)))
      })
    }
    return { efSearch, recallAt10: hits / (queries.length * 10), ...latency(times) }
  }
  const { recallAt10, ...shipped } = await run(files.manifest.hnsw.efSearch)
  const sweep = []
  for (const ef of options.sweep ?? []) sweep.push(await run(ef))
  const { correct, ask } = served
  return {
    chunks: corpus.chunks,
    documents: corpus.documents.length,
    ingest: { seconds: ingestSeconds, chunksPerSecond: corpus.chunks / ingestSeconds },
    indexBytes,
    serving: { peakRssMiB: peakMiB, highWaterMiB, startMs: server.readyMs },
    hnsw: shipped,
    flat: latency(flatTimes),
    recallAt10,
    sweep: sweep.map(({ efSearch, recallAt10, p50, p99 }) => ({ efSearch, recallAt10, p50, p99 })),
    plantedInTop10: { exact: plantedExact / questions.length, hnsw: plantedHnsw / questions.length },
    planted: { asked: questions.length, correct, rate: correct / questions.length, ask },
  }
}

/** Runs `src/entry/ingest.ts` like `npm run ingest` (progress bar on a terminal) and returns its own timing. */
function runIngest(env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tsxArgs('src/entry/ingest.ts'), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => {
      const seconds = /\(([\d.]+)s\)/.exec(out)?.[1]
      if (code === 0 && seconds) resolve(Number(seconds))
      else reject(new Error(`ingest exited with ${code}: ${out}`))
    })
  })
}

async function askPlanted(url: string, questions: readonly PlantedQuestion[], documentText: (id: string) => string | undefined) {
  let correct = 0
  const times: number[] = []
  for (const q of questions) {
    const started = performance.now()
    const res = await fetch(`${url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q.question }) })
    const body = (await res.json()) as AskResponse
    times.push(performance.now() - started)
    const score = scoreAnswer({ id: q.documentId, category: 'planted', question: q.question, expect: { grounded: true, all: q.expect, evidence: [q.evidence] } }, body, documentText)
    if (res.status === 200 && score.correct && score.citationsValid && score.evidenceCovered && body.citations.some((c) => c.documentId === q.documentId)) correct++
  }
  return { correct, ask: latency(times) }
}

/** Character span and document of every chunk, by global chunk id (the order of the vectors). */
function chunkSpans(documents: readonly BundledDocument[]) {
  return documents.flatMap((d) => d.chunks.map(([from, to]) => ({ documentId: d.id, start: d.sentences[from]![0], end: d.sentences[to - 1]![1] })))
}

/** Up to `n` items spread evenly over the list. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list]
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!)
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size
  return total
}
