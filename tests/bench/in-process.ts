import type { createApp } from '../../src/http/app.js'
import { latency, type Latency } from './stats.js'

type App = ReturnType<typeof createApp>

export interface InProcessResult {
  questions: number
  /** With the answer cache off, in steady state (after {@link WARM_UP_PASSES} passes). */
  ask: Latency
  /** The same, timed right after {@link EARLY_PASSES} passes, while V8 is still compiling the answer path. */
  askEarly?: Latency
  search: Latency
  /** With the answer cache on (the default): repeated questions are remembered. */
  askCached?: Latency
}

/** Untimed passes before the early timing. */
export const EARLY_PASSES = 3

/**
 * Passes before the steady-state timing, the early ones included. Measured on this benchmark's 183
 * questions: `/ask` p50 falls from about 0.33 ms after 3 passes to 0.19 ms after 20, 0.15 ms after
 * 40 and 0.12 ms after 80, where it stays (V8 optimizes the answer path in tiers; word-level memos
 * fill). A server that has answered a few thousand questions is past this point.
 */
export const WARM_UP_PASSES = 80

/**
 * Latency of `app.request()` (no sockets) for `/ask` and `/search` over distinct questions in
 * rotation: `rounds` timed passes after {@link EARLY_PASSES} untimed ones (early), then more untimed
 * passes up to {@link WARM_UP_PASSES}, then `rounds` timed passes again (steady state). Every
 * response must be 200.
 */
export async function measureInProcess(app: App, questions: readonly string[], rounds: number): Promise<InProcessResult> {
  const ask = (q: string) => app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) })
  const search = (q: string) => app.request(`/search?q=${encodeURIComponent(q)}&k=5`)
  const warm = async (call: (q: string) => Response | Promise<Response>, passes: number) => {
    for (let pass = 0; pass < passes; pass++) for (const q of questions) await check(await call(q), q)
  }
  const timed = async (call: (q: string) => Response | Promise<Response>) => {
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
  const time = async (call: (q: string) => Response | Promise<Response>) => {
    await warm(call, EARLY_PASSES)
    const early = await timed(call)
    await warm(call, Math.max(0, WARM_UP_PASSES - EARLY_PASSES - rounds))
    return { early, steady: await timed(call) }
  }
  const asked = await time(ask)
  const searched = await time(search)
  return { questions: questions.length, ask: asked.steady, askEarly: asked.early, search: searched.steady }
}

async function check(res: Response, q: string): Promise<void> {
  if (res.status !== 200) throw new Error(`${res.status} for "${q}": ${await res.text()}`)
  await res.arrayBuffer()
}
