import type { PreparedIndex } from '../prepare.js'
import type { ChunkingOptions } from './chunking.js'
import type { Chunk, CorpusDocument, DocumentMetadata, FaqItem, Sentence, Span } from './types.js'

/** One document as stored in the index bundle: sentences and chunks as compact tuples. */
export interface BundledDocument {
  id: string
  title: string
  text: string
  metadata: DocumentMetadata
  hash: string
  /** `[start, end, paragraph]` per sentence. */
  sentences: Array<[number, number, number]>
  /** `[firstSentence, endSentence)` per chunk, relative to this document's sentences. */
  chunks: Array<[number, number]>
}

/** The portable part of the index: everything but the vectors. Written to `index/corpus.json`. */
export interface IndexBundle {
  format: 1
  embedder: { id: string; dimensions: number; state?: unknown }
  chunking: ChunkingOptions
  documents: BundledDocument[]
  /** Structured facts per document id, validated at ingest. */
  facts: Record<string, unknown>
  /** Alias lexicon (variants → canonical terms), validated at ingest. */
  aliases: unknown
  /** FAQ questions derived from the facts, answered at ingest (`GET /faq.json`). */
  faq?: FaqItem[]
  /** BM25 postings and vocabulary derived from the documents at ingest, so start-up does not tokenize them. */
  prepared?: PreparedIndex
}

/** Read-only view of the indexed documents, sentences and chunks, with global ids. */
export class Corpus {
  readonly documents: CorpusDocument[]
  readonly sentences: Sentence[] = []
  readonly chunks: Chunk[] = []
  readonly #byId = new Map<string, CorpusDocument>()
  readonly #sentencesByDocument = new Map<string, Sentence[]>()

  constructor(bundled: readonly BundledDocument[]) {
    this.documents = bundled.map(({ id, title, text, metadata, hash }) => ({ id, title, text, metadata, hash }))
    for (const doc of bundled) {
      const base = this.sentences.length
      for (const [start, end, paragraph] of doc.sentences) {
        this.sentences.push({ id: this.sentences.length, documentId: doc.id, start, end, paragraph })
      }
      for (const [from, to] of doc.chunks) {
        this.chunks.push({
          id: this.chunks.length,
          documentId: doc.id,
          start: doc.sentences[from]![0],
          end: doc.sentences[to - 1]![1],
          sentenceStart: base + from,
          sentenceEnd: base + to,
        })
      }
    }
    for (const doc of this.documents) this.#byId.set(doc.id, doc)
    for (const s of this.sentences) {
      const list = this.#sentencesByDocument.get(s.documentId) ?? []
      list.push(s)
      this.#sentencesByDocument.set(s.documentId, list)
    }
  }

  document(id: string): CorpusDocument | undefined {
    return this.#byId.get(id)
  }

  /** The exact text of a span of a document. */
  text(documentId: string, span: Span): string {
    return this.#byId.get(documentId)?.text.slice(span.start, span.end) ?? ''
  }

  /** The span widened to whole sentences: from the start of the first sentence it touches to the end of the last. */
  sentenceSpan(documentId: string, span: Span): Span {
    const sentences = this.#sentencesByDocument.get(documentId) ?? []
    // Sentences are in text order and do not overlap: find the first that ends after the span starts.
    let lo = 0
    let hi = sentences.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sentences[mid]!.end <= span.start) lo = mid + 1
      else hi = mid
    }
    let last = lo
    while (last < sentences.length && sentences[last]!.start < span.end) last++
    if (last === lo) return { start: span.start, end: span.end }
    return { start: Math.min(span.start, sentences[lo]!.start), end: Math.max(span.end, sentences[last - 1]!.end) }
  }

}
