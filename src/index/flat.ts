import type { Scored } from '../core/bm25.js'
import { IndexError, type VectorIndex } from './vector-index.js'

/**
 * Exact search by dot product over a packed Float32Array of unit vectors.
 * Runs anywhere (Node, Workers, browsers); the reference for recall.
 */
export class FlatIndex implements VectorIndex {
  readonly kind = 'flat'
  readonly size: number

  constructor(
    private readonly vectors: Float32Array,
    readonly dimensions: number,
  ) {
    if (dimensions <= 0 || vectors.length % dimensions !== 0) {
      throw new IndexError(`vector data of length ${vectors.length} is not a whole number of ${dimensions}-d vectors`)
    }
    this.size = vectors.length / dimensions
  }

  search(query: ArrayLike<number>, k: number): Scored[] {
    const n = Math.min(Math.max(0, Math.floor(k)), this.size)
    if (n === 0) return []
    const { vectors, dimensions } = this
    const best: Scored[] = []
    for (let id = 0; id < this.size; id++) {
      let score = 0
      const offset = id * dimensions
      for (let d = 0; d < dimensions; d++) score += vectors[offset + d]! * query[d]!
      if (best.length < n || score > best[best.length - 1]!.score) insertSorted(best, { id, score }, n)
    }
    return best
  }
}

function insertSorted(list: Scored[], item: Scored, limit: number): void {
  let i = list.length
  while (i > 0 && list[i - 1]!.score < item.score) i--
  list.splice(i, 0, item)
  if (list.length > limit) list.pop()
}
