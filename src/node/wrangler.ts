import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export const ROOT = resolve(import.meta.dirname, '../..')
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler')

/** The free plan's limit on a Worker's compressed size. */
export const FREE_PLAN_GZIP_LIMIT = 1024 * 1024

/** Environment that keeps wrangler offline: no telemetry, no update check, no `Request.cf` download. */
export function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_LOG_PATH: join(tmpdir(), 'blueprint-qa-wrangler-logs'),
    ...extra,
  }
}

export interface BundleReport {
  modules: Array<{ name: string; bytes: number; gzipBytes: number }>
  bytes: number
  gzipBytes: number
}

/** Builds the Worker exactly as `wrangler deploy` would (`--dry-run --outdir`) and measures every module gzipped. */
export async function buildWorkerBundle(): Promise<BundleReport> {
  const outdir = await mkdtemp(join(tmpdir(), 'blueprint-qa-worker-'))
  try {
    await run([WRANGLER, 'deploy', '--dry-run', '--outdir', outdir])
    const names = (await readdir(outdir)).filter((n) => !n.endsWith('.map') && n !== 'README.md').sort()
    const modules = await Promise.all(
      names.map(async (name) => {
        const bytes = await readFile(join(outdir, name))
        return { name, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength }
      }),
    )
    const sum = (key: 'bytes' | 'gzipBytes') => modules.reduce((n, m) => n + m[key], 0)
    return { modules, bytes: sum('bytes'), gzipBytes: sum('gzipBytes') }
  } finally {
    await rm(outdir, { recursive: true, force: true })
  }
}

function run(argv: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, env: offlineEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${argv.slice(1).join(' ')} failed (${code}):\n${output}`))))
  })
}

export interface WranglerDev {
  url: string
  /** workerd's V8 inspector (Chrome DevTools Protocol), on 127.0.0.1. */
  inspectorPort: number
  /** Process id of `wrangler dev`, the leader of the process group that holds workerd. */
  pid: number
  output(): string
  stop(): Promise<void>
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolvePromise(port))
    })
  })
}

export interface WranglerDevOptions {
  vars?: Record<string, string>
  timeoutMs?: number
  /**
   * `healthz` (default): ready once `/healthz` answers, which builds the Worker's services.
   * `inspector`: ready once wrangler's inspector proxy answers, before any request reaches the Worker
   * (workerd may still be starting), so the first request is the first in a fresh isolate.
   */
  readyWhen?: 'healthz' | 'inspector'
}

/**
 * Runs the Worker in real workerd through `wrangler dev` on 127.0.0.1, offline, and waits until it
 * is ready (bounded polling, see {@link WranglerDevOptions.readyWhen}). `stop()` ends the whole process group.
 */
export async function startWranglerDev(options: WranglerDevOptions = {}): Promise<WranglerDev> {
  const [port, inspectorPort] = [await freePort(), await freePort()]
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--log-level', 'warn', ...vars]
  const child = spawn(WRANGLER, args, { cwd: ROOT, env: offlineEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const dev: WranglerDev = { url, inspectorPort, pid: child.pid!, output: () => output, stop: () => stopGroup(child) }
  const probe =
    options.readyWhen === 'inspector'
      ? () => fetch(`http://127.0.0.1:${inspectorPort}/json`, { signal: AbortSignal.timeout(2_000) }).then(async (r) => ((await r.json()) as unknown[]).length > 0)
      : () => fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => (r.body?.cancel(), true))
  const deadline = Date.now() + (options.timeoutMs ?? 45_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    if (await probe().catch(() => false)) return dev
    await new Promise((r) => setTimeout(r, 250))
  }
  await dev.stop()
  throw new Error(`wrangler dev did not become ready on ${url}:\n${output}`)
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(-child.pid!, 'SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
