import type { Scored } from '../core/bm25.js'

/**
 * Nearest-neighbour search over unit vectors. `score` is cosine similarity, best first.
 * `k` larger than the index is clamped. In-process adapters answer synchronously; remote ones
 * (Cloudflare Vectorize) return a promise, so callers always `await` the result.
 */
export interface VectorIndex {
  readonly kind: string
  readonly size: number
  readonly dimensions: number
  search(query: ArrayLike<number>, k: number): Scored[] | Promise<Scored[]>
}

export class IndexError extends Error {
  override name = 'IndexError'
}
