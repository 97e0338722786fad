import type { Scored } from '../core/bm25.js'

/**
 * Nearest-neighbour search over unit vectors. `score` is cosine similarity, best first.
 * `k` larger than the index is clamped.
 */
export interface VectorIndex {
  readonly kind: string
  readonly size: number
  readonly dimensions: number
  search(query: ArrayLike<number>, k: number): Scored[]
}

export class IndexError extends Error {
  override name = 'IndexError'
}
