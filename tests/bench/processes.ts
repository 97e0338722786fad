import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
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

/** Arguments that run a TypeScript entry with tsx, as `npm start` does. */
export const tsxArgs = (entry: string) => ['--import', 'tsx', entry]

/**
 * Spawns a Node server process and waits (at most `timeoutMs`) for the line with its address.
 * Its output is read and dropped from then on (the service logs every request, like in production).
 * The process is stopped with SIGTERM, then SIGKILL after 2 s.
 */
export async function spawnServer(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ChildServer> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms: ${log}`)), timeoutMs)
    let ready = false
    const onData = (chunk: Buffer) => {
      if (ready) return
      log += chunk.toString()
      const m = LISTENING.exec(log)
      if (m) (ready = true), clearTimeout(timer), resolve((m[1] ?? m[2])!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited with ${code}: ${log}`))))
  })
  return { url, pid: child.pid!, readyMs: performance.now() - started, process: child, stop: () => stop(child) }
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
