import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'esbuild'
import { freePort, stop, tsxArgs } from './processes.js'

export interface ColdStart {
  how: string
  /** Median over the runs, from spawn to the first 200 on `/healthz`. */
  healthzMs: number
  /** Median, from spawn to the first answered `POST /ask`. */
  firstAnswerMs: number
  runs: number
}

export interface ColdStartResult {
  node: ColdStart
  npmStart: ColdStart
  bundled: ColdStart
}

/**
 * Time from process start to the first 200 on `/healthz` and to the first answer, for
 * `node --import tsx src/entry/node.ts` (what `npm start` runs), for `npm start` itself, and for
 * a precompiled esbuild bundle (`dist/bench/node.mjs`, dependencies left in node_modules) run by
 * plain `node`, to show what transpiling at start-up costs.
 */
export async function measureColdStart(question: string, runs: number): Promise<ColdStartResult> {
  const bundle = join('dist', 'bench', 'node.mjs')
  await build({ entryPoints: ['src/entry/node.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'silent' })
  return {
    node: await repeat('node --import tsx src/entry/node.ts', runs, (env) => quiet(spawn(process.execPath, tsxArgs('src/entry/node.ts'), { env, stdio: ['ignore', 'pipe', 'pipe'] })), question),
    npmStart: await repeat('npm start', Math.min(runs, 3), (env) => quiet(spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })), question),
    bundled: await repeat('node (precompiled bundle)', runs, (env) => quiet(spawn(process.execPath, [bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] })), question),
  }
}

async function repeat(how: string, runs: number, start: (env: NodeJS.ProcessEnv) => ChildProcess, question: string): Promise<ColdStart> {
  const health: number[] = []
  const answer: number[] = []
  for (let i = 0; i < runs; i++) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const started = performance.now()
    const child = start({ ...process.env, HOST: '127.0.0.1', PORT: String(port) })
    try {
      await until(started, child, () => fetch(`${url}/healthz`).then((r) => r.ok))
      health.push(performance.now() - started)
      const res = await fetch(`${url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
      if (!res.ok) throw new Error(`${how}: first /ask answered ${res.status}`)
      await res.json()
      answer.push(performance.now() - started)
    } finally {
      if (child.spawnargs[0] === 'npm' && child.pid) {
        process.kill(-child.pid, 'SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      } else {
        await stop(child)
      }
    }
  }
  return { how, healthzMs: median(health), firstAnswerMs: median(answer), runs }
}

/** Polls every 5 ms until `ready` resolves true; gives up after 120 s or when the process exits. */
async function until(started: number, child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  let last: unknown
  while (performance.now() - started < 120_000 && child.exitCode === null) {
    if (await ready().catch((error) => ((last = error), false))) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`server did not become ready (exit code ${child.exitCode}, last error ${String((last as Error)?.cause ?? last)}): ${outputs.get(child)?.join('').slice(-2000)}`)
}

/** Drains a child's output pipes (tsx's CLI does not start with its output closed). */
function quiet(child: ChildProcess): ChildProcess {
  const output: string[] = []
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  outputs.set(child, output)
  return child
}

const outputs = new WeakMap<ChildProcess, string[]>()

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!
