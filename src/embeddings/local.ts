import { Embeddings } from '@langchain/core/embeddings'
import { fold, isStopword, stem, words } from '../core/text.js'
import { toNumbers } from '../core/vector.js'
import { fnv1a } from './hash.js'

export const LOCAL_EMBEDDER_ID = 'local-hash-v1'

/** Document frequencies of hashed features, learned from the corpus at ingest. */
export interface LocalEmbedderState {
  id: typeof LOCAL_EMBEDDER_ID
  dimensions: number
  documents: number
  /** `[featureHash, documentFrequency]`, sorted by hash. */
  df: Array<[number, number]>
}

export const WORD_WEIGHT = 1
export const BIGRAM_WEIGHT = 0.6
export const TRIGRAM_WEIGHT = 0.25

export interface WordFeatures {
  stemmed: string
  /** Hashes of the word feature and of each character trigram (trigrams weigh TRIGRAM_WEIGHT). */
  word: number
  trigrams: number[]
}

const WORD_CACHE_LIMIT = 200_000
const wordCache = new Map<string, WordFeatures | null>()

/** The features a (folded) word contributes on its own, or null for a stop word; memoized (bounded). */
export function wordFeatures(word: string): WordFeatures | null {
  let out = wordCache.get(word)
  if (out !== undefined) return out
  if (isStopword(word)) {
    out = null
  } else {
    const stemmed = stem(word)
    const padded = `#${fold(word)}#`
    const trigrams: number[] = []
    if (padded.length > 4) for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(fnv1a(`c:${padded.slice(i, i + 3)}`))
    out = { stemmed, word: fnv1a(`w:${stemmed}`), trigrams }
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear()
  wordCache.set(word, out)
  return out
}

/**
 * Weighted features of a text: stemmed words, word bigrams, and character trigrams of each word
 * (the trigrams make near-miss spellings land near each other).
 */
export function features(text: string): Map<number, number> {
  const out = new Map<number, number>()
  const add = (h: number, weight: number) => out.set(h, (out.get(h) ?? 0) + weight)
  let previous: string | undefined
  for (const word of words(text)) {
    const f = wordFeatures(word)
    if (!f) {
      previous = undefined
      continue
    }
    add(f.word, WORD_WEIGHT)
    if (previous) add(fnv1a(`b:${previous} ${f.stemmed}`), BIGRAM_WEIGHT)
    previous = f.stemmed
    for (const h of f.trigrams) add(h, TRIGRAM_WEIGHT)
  }
  return out
}

/**
 * Deterministic, offline embedder: feature-hashed words, word bigrams and character trigrams,
 * weighted by sublinear TF times IDF learned at ingest, signed-hashed into `dimensions` buckets
 * and L2-normalised. Implements LangChain's `Embeddings`.
 *
 * @example
 * const embedder = LocalEmbeddings.fit(chunkTexts, 512)
 * const vector = await embedder.embedQuery('kaolin clusters')
 */
export class LocalEmbeddings extends Embeddings {
  readonly id = LOCAL_EMBEDDER_ID
  readonly dimensions: number
  readonly #documents: number
  readonly #df: Map<number, number>

  constructor(state: LocalEmbedderState) {
    super({})
    this.dimensions = state.dimensions
    this.#documents = state.documents
    this.#df = new Map(state.df)
  }

  /** Learns document frequencies from the texts that will be indexed. */
  static fit(texts: readonly string[], dimensions = 512): LocalEmbeddings {
    const df = new Map<number, number>()
    for (const text of texts) for (const h of features(text).keys()) df.set(h, (df.get(h) ?? 0) + 1)
    const sorted = [...df].sort((a, b) => a[0] - b[0])
    return new LocalEmbeddings({ id: LOCAL_EMBEDDER_ID, dimensions, documents: texts.length, df: sorted })
  }

  get state(): LocalEmbedderState {
    return { id: LOCAL_EMBEDDER_ID, dimensions: this.dimensions, documents: this.#documents, df: [...this.#df] }
  }

  /** Synchronous embedding into a unit-length Float32Array (zero vector for empty text). */
  embed(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions)
    for (const [h, tf] of features(text)) {
      const idf = Math.log((this.#documents + 1) / ((this.#df.get(h) ?? 0) + 1)) + 1
      const bucket = h % this.dimensions
      const sign = (h >>> 16) & 1 ? -1 : 1
      vector[bucket]! += sign * Math.log1p(tf) * idf
    }
    return normalize(vector)
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => toNumbers(this.embed(d)))
  }

  override async embedQuery(document: string): Promise<number[]> {
    return toNumbers(this.embed(document))
  }
}

export function normalize(vector: Float32Array): Float32Array {
  let norm = 0
  for (const x of vector) norm += x * x
  norm = Math.sqrt(norm)
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm
  return vector
}
