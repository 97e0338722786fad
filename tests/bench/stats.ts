/** Latency distributions for the benchmarks, in milliseconds. */
export interface Latency {
  count: number
  p50: number
  p99: number
  max: number
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b)
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN }
}

/** Times `run` on every input in rotation, `rounds` times over, after one untimed warm-up pass. */
export async function timeEach<T>(inputs: readonly T[], rounds: number, run: (input: T) => Promise<unknown> | unknown): Promise<Latency> {
  for (const input of inputs) await run(input)
  const samples: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const started = performance.now()
      await run(input)
      samples.push(performance.now() - started)
    }
  }
  return latency(samples)
}

export const ms = (n: number, digits = 2) => (Number.isFinite(n) ? `${n.toFixed(digits)} ms` : 'n/a')
