import type { createApp } from '../../src/http/app.js'
import { latency, type Latency } from './stats.js'

type App = ReturnType<typeof createApp>

export interface InProcessResult {
  questions: number
  /** With the answer cache off. */
  ask: Latency
  search: Latency
  /** With the answer cache on (the default): repeated questions are remembered. */
  askCached?: Latency
}

/** Untimed passes before timing: enough for V8 to have compiled the hot paths with its optimizing tier. */
export const WARM_UP_PASSES = 3

/**
 * Latency of `app.request()` (no sockets) for `/ask` and `/search` over distinct questions in
 * rotation: {@link WARM_UP_PASSES} untimed passes (a running server's steady state), then `rounds`
 * timed passes. Every response must be 200.
 */
export async function measureInProcess(app: App, questions: readonly string[], rounds: number): Promise<InProcessResult> {
  const ask = (q: string) => app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) })
  const search = (q: string) => app.request(`/search?q=${encodeURIComponent(q)}&k=5`)
  const time = async (call: (q: string) => Response | Promise<Response>) => {
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const q of questions) await check(await call(q), q)
    const samples: number[] = []
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        const started = performance.now()
        const res = await call(q)
        await res.arrayBuffer()
        samples.push(performance.now() - started)
        if (res.status !== 200) throw new Error(`${res.status} for "${q}"`)
      }
    }
    return latency(samples)
  }
  return { questions: questions.length, ask: await time(ask), search: await time(search) }
}

async function check(res: Response, q: string): Promise<void> {
  if (res.status !== 200) throw new Error(`${res.status} for "${q}": ${await res.text()}`)
  await res.arrayBuffer()
}
