import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'

export interface ChildServer {
  url: string
  pid: number
  /** Milliseconds from spawn until the server printed its address. */
  readyMs: number
  process: ChildProcess
  stop(): Promise<void>
}

/** The service logs `"url":"http://…"` (JSON, pino); the ceiling server prints `listening on http://…`. */
const LISTENING = /"url":"(http:\/\/127\.0\.0\.1:\d+)"|listening on (http:\/\/127\.0\.0\.1:\d+)/

/** Arguments that run a TypeScript entry with tsx. */
export const tsxArgs = (entry: string) => ['--import', 'tsx', entry]

/**
 * What `npm start` runs, read from `package.json`: Node's flags (a larger young generation, so fewer scavenges pause
 * requests) and the precompiled server bundle (built first if the sources changed).
 */
export const serverArgs: string[] = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/).slice(1)

/**
 * Spawns a Node server process and waits (at most `timeoutMs`) for the line with its address.
 * Its output goes to a temporary file, as a log collector would take it: the server logs every
 * request, and the writes never wait on this process, which is busy driving the load.
 * The process is stopped with SIGTERM, then SIGKILL after 2 s; the file is then removed.
 */
export async function spawnServer(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ChildServer> {
  const started = performance.now()
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'))
  const logPath = join(dir, 'output.log')
  const out = openSync(logPath, 'w')
  const child = spawn(process.execPath, args, { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', out, out] })
  closeSync(out)
  const cleanUp = () => rmSync(dir, { recursive: true, force: true })
  let exited: string | undefined
  child.once('exit', (code) => (exited = `server exited with ${code}`))
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const log = readFileSync(logPath, 'utf8')
    const m = LISTENING.exec(log)
    if (m) {
      const url = (m[1] ?? m[2])!
      return { url, pid: child.pid!, readyMs: performance.now() - started, process: child, stop: () => stop(child).finally(cleanUp) }
    }
    if (exited || performance.now() > deadline) {
      await stop(child)
      cleanUp()
      throw new Error(`${exited ?? `server did not start within ${timeoutMs} ms`}: ${log}`)
    }
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** SIGTERM, then SIGKILL if the process has not exited after 2 s. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 2000)
    child.once('exit', () => (clearTimeout(kill), resolve()))
    child.kill('SIGTERM')
  })
}

/** Resident set size and its high-water mark of a Linux process, in MiB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 }
}

/** Samples a process' RSS every `everyMs` while `work` runs; returns the peak in MiB. */
export async function peakRssDuring<T>(pid: number, work: () => Promise<T>, everyMs = 20): Promise<{ result: T; peakMiB: number }> {
  let peak = memoryOf(pid).rss
  const timer = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rss)), everyMs)
  try {
    const result = await work()
    return { result, peakMiB: Math.max(peak, memoryOf(pid).rss) }
  } finally {
    clearInterval(timer)
  }
}

/** A free TCP port on 127.0.0.1 (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
