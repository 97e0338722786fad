import { spawn, type ChildProcess } from 'node:child_process'

export interface Child {
  proc: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns a command in its own process group (so a test can kill the whole tree by group id). */
export function spawnChild(command: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })))
  return { proc, stdout: () => out, stderr: () => err, exited }
}

/** Polls `check` every 20 ms until it returns a value, failing after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = check()
    if (value) return value
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

/** Starts `src/entry/node.ts` under tsx on an ephemeral port and waits for its listening log line. */
export async function startServerProcess(env: Record<string, string> = {}) {
  const child = spawnChild(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], { PORT: '0', ...env })
  const port = await waitFor(() => /"port":(\d+)/.exec(child.stdout())?.[1], 30_000, 'the server to listen')
  return { ...child, port: Number(port), url: `http://127.0.0.1:${port}` }
}
