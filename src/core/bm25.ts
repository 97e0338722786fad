import { terms } from './text.js'

export interface Scored {
  id: number
  score: number
}

/**
 * A BM25 index as plain data, computed at ingest and shipped in `index/corpus.json`,
 * so a server or a fresh Worker isolate starts without tokenizing the corpus.
 */
export interface Bm25Data {
  /** Term count of each text, by id. */
  lengths: number[]
  /** Every term, sorted; `postings[i]` belongs to `terms[i]`. */
  terms: string[]
  /** Per term, `[id, tf, id, tf, …]` with ids ascending. */
  postings: number[][]
}

/**
 * Okapi BM25 over a fixed list of texts, built once and queried many times.
 * Ids are positions in the list of texts.
 *
 * @example
 * const bm25 = Bm25.build(['steel clusters', 'coking base'])
 * bm25.search('steel', 5) // [{ id: 0, score: … }]
 * Bm25.from(bm25.data) // the same index, without tokenizing again
 */
export class Bm25 {
  readonly #postings: Map<string, number[]>
  readonly #lengths: readonly number[]
  readonly #avgLength: number

  private constructor(
    readonly data: Bm25Data,
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.#postings = new Map(data.terms.map((term, i) => [term, data.postings[i]!]))
    this.#lengths = data.lengths
    let total = 0
    for (const n of data.lengths) total += n
    this.#avgLength = total / Math.max(1, data.lengths.length)
  }

  /** Tokenizes the texts and indexes them. */
  static build(texts: readonly string[]): Bm25 {
    const postings = new Map<string, number[]>()
    const lengths = texts.map((text, id) => {
      const counts = new Map<string, number>()
      const textTerms = terms(text)
      for (const term of textTerms) counts.set(term, (counts.get(term) ?? 0) + 1)
      for (const [term, tf] of counts) {
        const list = postings.get(term)
        if (list) list.push(id, tf)
        else postings.set(term, [id, tf])
      }
      return textTerms.length
    })
    const sorted = [...postings.keys()].sort()
    return new Bm25({ lengths, terms: sorted, postings: sorted.map((term) => postings.get(term)!) })
  }

  /** Wraps an index computed earlier (see {@link Bm25Data}). */
  static from(data: Bm25Data): Bm25 {
    return new Bm25(data)
  }

  /** Inverse document frequency of a (stemmed) term, 0 when unseen. */
  idf(term: string): number {
    const df = (this.#postings.get(term)?.length ?? 0) / 2
    const count = this.#lengths.length
    return df === 0 ? 0 : Math.log(1 + (count - df + 0.5) / (df + 0.5))
  }

  has(term: string): boolean {
    return this.#postings.has(term)
  }

  /** Top `k` texts for the query, best first; ties broken by id for determinism. */
  search(query: string | readonly string[], k: number): Scored[] {
    const scores = new Map<number, number>()
    const queryTerms = new Set(typeof query === 'string' ? terms(query) : query)
    const lengthFactor = this.b / this.#avgLength
    for (const term of queryTerms) {
      const list = this.#postings.get(term)
      if (!list) continue
      const idf = this.idf(term)
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!
        const tf = list[i + 1]!
        const norm = tf + this.k1 * (1 - this.b + lengthFactor * this.#lengths[id]!)
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
