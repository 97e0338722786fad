import type { Chunk, Sentence } from './types.js'

export interface ChunkingOptions {
  /** Most sentences in one chunk. */
  maxSentences: number
  /** Soft character budget; a single longer sentence still becomes one chunk. */
  maxChars: number
  /** Sentences shared by consecutive chunks of the same document. */
  overlapSentences: number
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxSentences: 3, maxChars: 700, overlapSentences: 1 }

/**
 * Groups one document's sentences into sentence-aligned chunks that overlap by
 * `overlapSentences`. Chunk offsets run from the first sentence's start to the last one's end.
 */
export function chunkSentences(sentences: readonly Sentence[], options: ChunkingOptions, firstId = 0): Chunk[] {
  if (options.overlapSentences >= options.maxSentences) {
    throw new RangeError('overlapSentences must be smaller than maxSentences')
  }
  const chunks: Chunk[] = []
  let from = 0
  while (from < sentences.length) {
    let to = from + 1
    while (
      to < sentences.length &&
      to - from < options.maxSentences &&
      sentences[to]!.end - sentences[from]!.start <= options.maxChars
    ) {
      to++
    }
    const first = sentences[from]!
    const last = sentences[to - 1]!
    chunks.push({
      id: firstId + chunks.length,
      documentId: first.documentId,
      start: first.start,
      end: last.end,
      sentenceStart: first.id,
      sentenceEnd: last.id + 1,
    })
    if (to >= sentences.length) break
    from = Math.max(from + 1, to - options.overlapSentences)
  }
  return chunks
}
