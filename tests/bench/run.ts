/**
 * `npm run bench`: in-process latency, HTTP throughput against the stack's ceiling, cold start and
 * behaviour at 1k/10k/100k synthetic chunks. Prints one Markdown table and writes it, with notes and
 * an SVG plot, to `docs/benchmarks.md` and `docs/bench-latency.svg`.
 *
 *   npm run bench                          # the full run (about 10 minutes on 2 cores)
 *   npm run bench -- --quick               # smoke run: 2 s per route, 1k and 10k chunks, writes dist/bench/
 *   npm run bench -- --sizes 1000,10000 --seconds 5 --out dist/bench
 *   npm run bench -- --render docs/bench-results.json   # re-render the report from saved results
 *   npm run bench -- --only scale --sizes 100000         # the scale rows alone; writes dist/bench/scale-results.json
 *   npm run bench -- --only cold-start --runs 7           # just the cold-start rows, printed (nothing written)
 *   npm run bench -- --only in-process --runs 5           # the in-process rows (cache off), once per run, printed
 */
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { parseConfig } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { silentLogger } from '../../src/http/logger.js'
import { loadNodeServices } from '../../src/node/services.js'
import { measureColdStart } from './cold-start.js'
import { measureInProcess } from './in-process.js'
import { closingNotes } from './notes.js'
import { benchQuestions } from './questions.js'
import { coldStartRows, latencyChart, markdownTable, rows, scaleRows, type BenchResults } from './report.js'
import { measureScale } from './scale.js'
import { measureThroughput } from './throughput.js'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seconds: { type: 'string' },
    out: { type: 'string' },
    render: { type: 'string' },
    only: { type: 'string' },
    runs: { type: 'string' },
  },
})
const quick = values.quick
const sizes = (values.sizes ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number)
const seconds = Number(values.seconds ?? (quick ? 2 : 10))
const out = values.out ?? (quick || values.only ? 'dist/bench' : 'docs')
const log = (line: string) => console.error(line)
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ')
const coldRuns = Number(values.runs ?? (quick ? 2 : 5))

if (values.only !== undefined && !['scale', 'cold-start', 'in-process'].includes(values.only)) {
  log(`--only takes "scale", "cold-start" or "in-process", not "${values.only}"`)
  process.exitCode = 2
} else if (values.only === 'in-process') {
  // Repeated runs show how much of the p99 is the machine: each run times five passes early and five in steady state (the first run's early figures are the only cold ones).
  const services = await loadNodeServices(parseConfig({ ANSWER_CACHE_SIZE: '0' }))
  const app = createApp(services, { logger: silentLogger })
  const questions = benchQuestions(services.facts)
  const ms = (n: number) => `${n.toFixed(3)} ms`
  console.log('| Run | `POST /ask` p50 | p99 | max | early p50 | early p99 | `GET /search` p50 | p99 | load average |\n|---|---|---|---|---|---|---|---|---|')
  for (let run = 1; run <= Number(values.runs ?? 3); run++) {
    const { ask, askEarly, search } = await measureInProcess(app, questions, 5)
    console.log(`| ${run} | ${ms(ask.p50)} | ${ms(ask.p99)} | ${ms(ask.max)} | ${ms(askEarly!.p50)} | ${ms(askEarly!.p99)} | ${ms(search.p50)} | ${ms(search.p99)} | ${load()} |`)
  }
} else if (values.only === 'cold-start') {
  const loadBefore = load()
  const coldStart = await measureColdStart(benchQuestions((await loadNodeServices(parseConfig({}))).facts)[0]!, coldRuns)
  console.log(markdownTable(coldStartRows(coldStart)))
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average before: ${loadBefore}; after: ${load()}`)
} else if (values.only) {
  await measureScaleOnly()
} else if (values.render) {
  const saved = JSON.parse(await readFile(values.render, 'utf8')) as SavedResults
  await report(saved, values.out ?? dirname(values.render))
} else {
  await measure()
}

interface SavedResults extends BenchResults {
  machine: { description: string; date: string; loadBefore: string; loadAfter: string }
}

async function measure(): Promise<void> {
  const startedAt = new Date()
  const loadBefore = load()
  const work = await mkdtemp(join(tmpdir(), 'blueprint-bench-'))
  try {
    // In-process latency is measured with the answer cache off, so every request is answered from scratch.
    const services = await loadNodeServices(parseConfig({ ANSWER_CACHE_SIZE: '0' }))
    const app = createApp(services, { logger: silentLogger })
    const questions = benchQuestions(services.facts)

    log(`1/4 in-process latency over ${questions.length} questions (answer cache off, then on)`)
    const inProcess = await measureInProcess(app, questions, quick ? 1 : 5)
    const cachedApp = createApp(await loadNodeServices(parseConfig({})), { logger: silentLogger })
    inProcess.askCached = (await measureInProcess(cachedApp, questions, quick ? 1 : 5)).ask

    const responses = await Promise.all(
      questions.map(async (question) => {
        const res = await app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
        return res.json()
      }),
    )
    const bySize = responses.sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)
    const sampleResponse = bySize[Math.floor(bySize.length / 2)]

    log(`2/4 HTTP throughput: 4 routes x ${seconds} s, 50 connections`)
    const throughput = await measureThroughput({ questions, sampleResponse, seconds, warmupSeconds: quick ? 1 : 2 })

    log('3/4 cold start')
    const coldStart = await measureColdStart(questions[0]!, coldRuns)

    log(`4/4 scale: ${sizes.join(', ')} chunks`)
    const scale = await measureSizes(work)

    const machine = {
      description: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`,
      date: startedAt.toISOString().slice(0, 10),
      loadBefore,
      loadAfter: load(),
    }
    await report({ inProcess, throughput, coldStart, scale, machine }, out)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** `--only scale`: generates, ingests, serves and queries each size; prints and saves just those rows. */
async function measureScaleOnly(): Promise<void> {
  const loadBefore = load()
  const work = await mkdtemp(join(tmpdir(), 'blueprint-bench-'))
  try {
    const scale = await measureSizes(work)
    console.log(markdownTable(scaleRows(scale)))
    console.log(`Load average before: ${loadBefore}; after: ${load()}.`)
    await mkdir(out, { recursive: true })
    await writeFile(join(out, 'scale-results.json'), `${JSON.stringify({ loadBefore, loadAfter: load(), scale }, null, 2)}\n`)
    log(`wrote ${join(out, 'scale-results.json')}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function measureSizes(work: string) {
  const scale = []
  for (const chunks of sizes) {
    try {
      scale.push(await measureScale({ chunks, workDir: work, sweep: quick ? [] : [256, 512], log }))
    } catch (error) {
      log(`  ${chunks} chunks failed: ${(error as Error).message}`)
      process.exitCode = 1
    }
  }
  return scale
}

async function report(results: SavedResults, dir: string): Promise<void> {
  const table = markdownTable(rows(results))
  console.log(table)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'bench-latency.svg'), latencyChart(results.scale))
  await writeFile(join(dir, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`)
  const { machine } = results
  await writeFile(
    join(dir, 'benchmarks.md'),
    [
      '# Benchmarks',
      '',
      `Measured by \`npm run bench\` on ${machine.date}: ${machine.description}. Load average before the run: ${machine.loadBefore}; after: ${machine.loadAfter}.`,
      'A load average near the core count means other work shared the machine, and the figures are slower than an idle machine would give.',
      'Raw numbers: [`bench-results.json`](bench-results.json).',
      '',
      table,
      '![Latency of vector search and of HTTP /ask against corpus size, log scales](bench-latency.svg)',
      '',
      closingNotes(results),
    ].join('\n'),
  )
  log(`wrote ${join(dir, 'benchmarks.md')}, ${join(dir, 'bench-latency.svg')} and ${join(dir, 'bench-results.json')}`)
}
