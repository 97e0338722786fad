import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { ensureServerBundle } from '../../src/node/server-bundle.js'
import { freePort, serverArgs, stop, tsxArgs } from './processes.js'

export interface ColdStart {
  how: string
  /** Median over the runs, from spawn to the first 200 on `/healthz`. */
  healthzMs: number
  /** Median, from spawn to the first answered `POST /ask`. */
  firstAnswerMs: number
  /** Median CPU time (user + system, all threads) up to the first answer of the processes started (npm, its shell and the server for `npm start`). */
  cpuMs: number
  runs: number
}

export interface ColdStartResult {
  /** `npm start`: npm itself, then `node --max-semi-space-size=32 src/entry/start.js` serving the precompiled bundle. */
  npmStart: ColdStart
  /** The command `npm start` runs (`node --max-semi-space-size=32 src/entry/start.js`), without npm's own start-up. */
  direct: ColdStart
  /** `node --import tsx src/entry/node.ts`: transpiling at start-up, what `npm start` ran before the bundle. */
  tsx: ColdStart
  /** Floors in the same conditions, median ms from spawn to exit: `node -e 0`, and `npm run env` (npm's own start-up and a shell). */
  floor?: { nodeMs: number; npmRunMs: number }
}

/**
 * Time from process start to the first 200 on `/healthz` and to the first answer, for `npm start`,
 * for the command it runs (`node --max-semi-space-size=32 src/entry/start.js`, which serves the precompiled bundle in
 * `dist/server/`), and for the sources under tsx. The bundle is built (if stale) before timing.
 */
export async function measureColdStart(question: string, runs: number): Promise<ColdStartResult> {
  await ensureServerBundle(process.cwd())
  return {
    npmStart: await repeat('npm start', runs, (env) => quiet(spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })), question),
    direct: await repeat(`node ${serverArgs.join(' ')} (precompiled bundle)`, runs, (env) => quiet(spawn(process.execPath, serverArgs, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })), question),
    tsx: await repeat('node --import tsx src/entry/node.ts', runs, (env) => quiet(spawn(process.execPath, tsxArgs('src/entry/node.ts'), { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })), question),
    floor: { nodeMs: await exitTime(process.execPath, ['-e', '0'], runs), npmRunMs: await exitTime('npm', ['run', '-s', 'env'], runs) },
  }
}

/** Median wall time from spawn to exit of a command that does nothing much. */
async function exitTime(command: string, args: string[], runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const child = spawn(command, args, { stdio: 'ignore' })
    await new Promise((resolve) => child.once('exit', resolve))
    times.push(performance.now() - started)
  }
  return median(times)
}

async function repeat(how: string, runs: number, start: (env: NodeJS.ProcessEnv) => ChildProcess, question: string): Promise<ColdStart> {
  const health: number[] = []
  const answer: number[] = []
  const cpu: number[] = []
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
      cpu.push(cpuMs(child.pid!))
    } finally {
      if (child.spawnargs[0] === 'npm' && child.pid) {
        process.kill(-child.pid, 'SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      } else {
        await stop(child)
      }
    }
  }
  return { how, healthzMs: median(health), firstAnswerMs: median(answer), cpuMs: median(cpu), runs }
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

/** User + system CPU time so far of the live processes in a Linux process group, in ms (`/proc/<pid>/stat`, ticks of 10 ms). */
function cpuMs(group: number): number {
  let ticks = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat = ''
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue
    }
    const fields = (stat.split(') ')[1] ?? '').split(' ')
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks * 10
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!
