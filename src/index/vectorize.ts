import type { Scored } from '../core/bm25.js'
import { IndexError, type VectorIndex } from './vector-index.js'

/** The part of a Cloudflare Vectorize binding (`env.VECTORIZE`) this adapter uses. */
export interface VectorizeBinding {
  query(
    vector: number[] | Float32Array,
    options: { topK: number; returnValues?: boolean; returnMetadata?: 'none' | 'indexed' | 'all' | boolean },
  ): Promise<{ matches: Array<{ id: string; score: number }> }>
}

/** Vectorize caps `topK` at 100 when neither values nor metadata are returned. */
export const VECTORIZE_MAX_TOP_K = 100

/**
 * Nearest-neighbour search in a Cloudflare Vectorize index whose vector ids are chunk ids
 * (`"0"`, `"1"`, …) as written by `npm run vectorize:export`. The index must use the cosine metric.
 *
 * @example
 * const index = new VectorizeIndex(env.VECTORIZE, 512, corpus.chunks.length)
 * const hits = await index.search(queryVector, 20)
 */
export class VectorizeIndex implements VectorIndex {
  readonly kind = 'vectorize'

  constructor(
    private readonly binding: VectorizeBinding,
    readonly dimensions: number,
    readonly size: number,
  ) {}

  async search(query: ArrayLike<number>, k: number): Promise<Scored[]> {
    const topK = Math.min(Math.max(0, Math.floor(k)), this.size, VECTORIZE_MAX_TOP_K)
    if (topK === 0) return []
    if (query.length !== this.dimensions) {
      throw new IndexError(`query has ${query.length} dimensions, the Vectorize index expects ${this.dimensions}`)
    }
    const { matches } = await this.binding.query(Array.from(query), { topK, returnValues: false, returnMetadata: 'none' })
    return matches
      .map((m) => ({ id: Number(m.id), score: m.score }))
      .filter((m) => Number.isInteger(m.id) && m.id >= 0 && m.id < this.size)
      .sort((a, b) => b.score - a.score || a.id - b.id)
  }
}
