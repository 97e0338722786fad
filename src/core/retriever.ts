import type { QueryEmbedder } from '../embeddings/embedder.js'
import type { VectorIndex } from '../index/vector-index.js'
import { Bm25, type Scored } from './bm25.js'
import type { Corpus } from './corpus.js'
import { rrf } from './fusion.js'
import type { Chunk, Sentence } from './types.js'

export interface Passage {
  chunk: Chunk
  title: string
  text: string
  /** Fused (RRF) score. */
  score: number
  lexicalScore: number
  vectorScore: number
}

export interface RankedSentence {
  sentence: Sentence
  text: string
  score: number
  lexicalScore: number
}

/** BM25 over the chunks and over the sentences of a corpus. */
export interface LexicalIndexes {
  chunks: Bm25
  sentences: Bm25
}

/** Tokenizes every chunk and sentence of the corpus (done at ingest; see `prepareIndex`). */
export function buildLexicalIndexes(corpus: Corpus): LexicalIndexes {
  return {
    chunks: Bm25.build(corpus.chunks.map((c) => corpus.text(c.documentId, c))),
    sentences: Bm25.build(corpus.sentences.map((s) => corpus.text(s.documentId, s))),
  }
}

export const MAX_K = 50

/** Clamps a requested result count into `[1, MAX_K]`. */
export function clampK(k: number | undefined, fallback = 5): number {
  if (k === undefined || !Number.isFinite(k)) return fallback
  return Math.min(MAX_K, Math.max(1, Math.floor(k)))
}

/**
 * Hybrid retrieval: vector search and BM25 over chunks, fused by reciprocal rank;
 * sentences are ranked by BM25 within the corpus and boosted by their chunk's rank.
 */
export class Retriever {
  readonly #chunkLexicon: Bm25
  readonly #sentenceLexicon: Bm25

  constructor(
    readonly corpus: Corpus,
    private readonly index: VectorIndex,
    private readonly embedder: QueryEmbedder,
    lexical: LexicalIndexes = buildLexicalIndexes(corpus),
  ) {
    this.#chunkLexicon = lexical.chunks
    this.#sentenceLexicon = lexical.sentences
  }

  async search(query: string, k: number): Promise<Passage[]> {
    const depth = Math.max(k * 4, 20)
    const [vector, lexical] = await Promise.all([this.#vectorSearch(query, depth), this.#chunkLexicon.search(query, depth)])
    const vectorScores = toMap(vector)
    const lexicalScores = toMap(lexical)
    return rrf([vector, lexical.filter((hit) => hit.score > 0)])
      .slice(0, clampK(k))
      .map(({ id, score }) => {
        const chunk = this.corpus.chunks[id]!
        return {
          chunk,
          title: this.corpus.document(chunk.documentId)!.title,
          text: this.corpus.text(chunk.documentId, chunk),
          score,
          lexicalScore: lexicalScores.get(id) ?? 0,
          vectorScore: vectorScores.get(id) ?? 0,
        }
      })
  }

  /** Sentences for a query, best first: BM25 on sentences fused with the ranks of their chunks. */
  async sentences(query: string, k: number, passages?: Passage[]): Promise<RankedSentence[]> {
    const ranked = passages ?? (await this.search(query, 8))
    const lexical = this.#sentenceLexicon.search(query, Math.max(k * 4, 20))
    const fromChunks: Scored[] = []
    const seen = new Set<number>()
    for (const p of ranked) {
      for (let id = p.chunk.sentenceStart; id < p.chunk.sentenceEnd; id++) {
        if (!seen.has(id)) fromChunks.push({ id, score: p.score }), seen.add(id)
      }
    }
    const lexicalScores = toMap(lexical)
    return rrf([lexical, fromChunks])
      .slice(0, k)
      .map(({ id, score }) => {
        const sentence = this.corpus.sentences[id]!
        return { sentence, text: this.corpus.text(sentence.documentId, sentence), score, lexicalScore: lexicalScores.get(id) ?? 0 }
      })
  }

  async #vectorSearch(query: string, k: number): Promise<Scored[]> {
    const vector = await this.embedder.embedQuery(query)
    return this.index.search(vector, k)
  }
}

function toMap(list: readonly Scored[]): Map<number, number> {
  return new Map(list.map((s) => [s.id, s.score]))
}
