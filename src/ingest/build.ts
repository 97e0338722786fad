import { chunkSentences, type ChunkingOptions } from '../core/chunking.js'
import type { BundledDocument, IndexBundle } from '../core/corpus.js'
import { splitSentences } from '../core/sentences.js'
import type { CorpusDocument, Sentence } from '../core/types.js'
import { normalize } from '../embeddings/local.js'
import { prepareIndex } from '../prepare.js'

/** Turns chunk texts into vectors; `state` is whatever the embedder must keep to embed queries later. */
export interface IndexEmbedder {
  id: string
  embedDocuments(texts: string[]): Promise<number[][]>
  /** Optional fast path: every chunk text at once, as packed vectors of `dimensions` each. */
  embedAll?(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<{ vectors: Float32Array; dimensions: number }>
  state?: unknown
}

export interface BuildOptions {
  chunking: ChunkingOptions
  /** Picks the embedder once the chunk texts are known (the local one learns IDF from them). */
  embedder: (chunkTexts: readonly string[]) => IndexEmbedder | Promise<IndexEmbedder>
  facts?: Record<string, unknown>
  aliases?: unknown
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

export interface BuiltIndex {
  bundle: IndexBundle
  /** Unit vectors, one per chunk, packed. */
  vectors: Float32Array
}

/** Splits, chunks and embeds documents into an index bundle plus its vectors. Pure apart from the embedder. */
export async function buildIndex(documents: readonly CorpusDocument[], options: BuildOptions): Promise<BuiltIndex> {
  const bundled: BundledDocument[] = []
  const chunkTexts: string[] = []
  for (const doc of documents) {
    const spans = splitSentences(doc.text)
    const sentences: Sentence[] = spans.map((s, id) => ({ ...s, id, documentId: doc.id }))
    const chunks = chunkSentences(sentences, options.chunking)
    for (const c of chunks) chunkTexts.push(doc.text.slice(c.start, c.end))
    bundled.push({
      id: doc.id,
      title: doc.title,
      text: doc.text,
      metadata: doc.metadata,
      hash: doc.hash,
      sentences: spans.map((s) => [s.start, s.end, s.paragraph]),
      chunks: chunks.map((c) => [c.sentenceStart, c.sentenceEnd]),
    })
  }
  const embedder = await options.embedder(chunkTexts)
  const { vectors, dimensions } = embedder.embedAll
    ? await embedder.embedAll(chunkTexts, options.onProgress)
    : await embedInBatches(embedder, chunkTexts, options.batchSize ?? 256, options.onProgress)
  for (let from = 0; from < vectors.length; from += dimensions) normalize(vectors.subarray(from, from + dimensions))
  const bundle: IndexBundle = {
    format: 1,
    embedder: { id: embedder.id, dimensions, ...(embedder.state === undefined ? {} : { state: embedder.state }) },
    chunking: options.chunking,
    documents: bundled,
    facts: options.facts ?? {},
    aliases: options.aliases ?? null,
  }
  bundle.prepared = prepareIndex(bundle)
  return { bundle, vectors }
}

async function embedInBatches(embedder: IndexEmbedder, texts: string[], batchSize: number, onProgress?: (done: number, total: number) => void) {
  let vectors = new Float32Array(0)
  let dimensions = 0
  for (let from = 0; from < texts.length; from += batchSize) {
    const batch = await embedder.embedDocuments(texts.slice(from, from + batchSize))
    for (const [i, v] of batch.entries()) {
      if (from + i === 0) vectors = new Float32Array(texts.length * (dimensions = v.length))
      if (v.length !== dimensions) throw new Error(`embedder ${embedder.id} returned vectors of ${v.length} and ${dimensions} dimensions`)
      vectors.set(v, (from + i) * dimensions)
    }
    onProgress?.(Math.min(from + batchSize, texts.length), texts.length)
  }
  return { vectors, dimensions }
}
