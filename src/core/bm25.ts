import { terms } from './text.js'

export interface Scored {
  id: number
  score: number
}

/**
 * Okapi BM25 over a fixed list of texts, built once and queried many times.
 * Ids are positions in the list given to the constructor.
 */
export class Bm25 {
  readonly #postings = new Map<string, Array<[id: number, tf: number]>>()
  readonly #lengths: Float64Array
  readonly #avgLength: number
  readonly #count: number

  constructor(
    texts: readonly string[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.#count = texts.length
    this.#lengths = new Float64Array(texts.length)
    texts.forEach((text, id) => {
      const counts = new Map<string, number>()
      for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1)
      this.#lengths[id] = [...counts.values()].reduce((a, n) => a + n, 0)
      for (const [term, tf] of counts) {
        let list = this.#postings.get(term)
        if (!list) this.#postings.set(term, (list = []))
        list.push([id, tf])
      }
    })
    this.#avgLength = this.#lengths.reduce((a, n) => a + n, 0) / Math.max(1, texts.length)
  }

  /** Inverse document frequency of a (stemmed) term, 0 when unseen. */
  idf(term: string): number {
    const df = this.#postings.get(term)?.length ?? 0
    return df === 0 ? 0 : Math.log(1 + (this.#count - df + 0.5) / (df + 0.5))
  }

  has(term: string): boolean {
    return this.#postings.has(term)
  }

  /** Top `k` texts for the query, best first; ties broken by id for determinism. */
  search(query: string | readonly string[], k: number): Scored[] {
    const scores = new Map<number, number>()
    const queryTerms = new Set(typeof query === 'string' ? terms(query) : query)
    for (const term of queryTerms) {
      const list = this.#postings.get(term)
      if (!list) continue
      const idf = this.idf(term)
      for (const [id, tf] of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.#lengths[id]!) / this.#avgLength)
        scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (this.k1 + 1)) / norm)
      }
    }
    return topK(scores, k)
  }
}

export function topK(scores: Map<number, number>, k: number): Scored[] {
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, k)
}
