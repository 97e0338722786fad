import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU time of the workerd process that runs the Worker under `wrangler dev`, read from Linux's
 * per-thread scheduler statistics (`/proc/<pid>/task/<tid>/schedstat`, nanoseconds on a CPU).
 * Unlike a wall clock or V8's sampling profiler it does not count time the machine gave to other
 * processes. It does count workerd's own HTTP handling and miniflare's routing in front of the
 * Worker (compare `GET /healthz`), so it is an upper bound of the Worker's CPU. Linux only.
 *
 * @example
 * const workerd = await WorkerdCpu.find(dev.pid)
 * const ms = await workerd.cpuMsOf(() => fetch(`${dev.url}/ask`, init).then((r) => r.text()))
 */
export class WorkerdCpu {
  private constructor(readonly pid: number) {}

  /** The runtime process in the process group of `wrangler dev` (the workerd started with an inspector), once it exists. */
  static async find(groupLeader: number, timeoutMs = 30_000): Promise<WorkerdCpu> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const pid = runtimePid(groupLeader)
      if (pid !== undefined) return new WorkerdCpu(pid)
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`no workerd runtime process in the process group of wrangler dev (${groupLeader}) after ${timeoutMs} ms`)
  }

  /** CPU milliseconds used so far by all threads of the process. */
  usedMs(): number {
    let ns = 0
    for (const tid of readdirSync(`/proc/${this.pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${this.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // The thread ended while we looked.
      }
    }
    return ns / 1e6
  }

  /** Waits (bounded) until workerd has finished starting: under 0.5 ms of CPU in 200 ms. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let before = this.usedMs()
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
      const now = this.usedMs()
      if (now - before < 0.5) return
      before = now
    }
  }

  async cpuMsOf(run: () => Promise<unknown>): Promise<number> {
    const before = this.usedMs()
    await run()
    return this.usedMs() - before
  }
}

function runtimePid(groupLeader: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (group === groupLeader && command.includes('workerd') && command.includes('--inspector-addr')) return Number(entry)
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined
}
