import { describe, expect, it } from 'vitest'
import { chunkSentences } from '../../src/core/chunking.js'
import type { Sentence } from '../../src/core/types.js'

const sentences = (lengths: number[]): Sentence[] => {
  let start = 0
  return lengths.map((len, id) => {
    const s = { id, documentId: 'd', start, end: start + len, paragraph: id }
    start += len + 1
    return s
  })
}

describe('chunkSentences', () => {
  it('groups sentences with a one-sentence overlap', () => {
    const chunks = chunkSentences(sentences([10, 10, 10, 10, 10]), { maxSentences: 3, maxChars: 1000, overlapSentences: 1 })
    expect(chunks.map((c) => [c.sentenceStart, c.sentenceEnd])).toEqual([[0, 3], [2, 5]])
  })

  it('aligns chunk offsets to sentence boundaries', () => {
    const list = sentences([10, 20, 30])
    const [chunk] = chunkSentences(list, { maxSentences: 3, maxChars: 1000, overlapSentences: 1 })
    expect(chunk).toMatchObject({ start: 0, end: list[2]!.end })
  })

  it('respects the character budget but never splits a sentence', () => {
    const chunks = chunkSentences(sentences([500, 500, 900]), { maxSentences: 3, maxChars: 700, overlapSentences: 1 })
    expect(chunks.map((c) => [c.sentenceStart, c.sentenceEnd])).toEqual([[0, 1], [1, 2], [2, 3]])
  })

  it('covers every sentence', () => {
    const list = sentences([5, 300, 5, 400, 5, 5, 200])
    const chunks = chunkSentences(list, { maxSentences: 3, maxChars: 700, overlapSentences: 1 })
    const covered = new Set(chunks.flatMap((c) => Array.from({ length: c.sentenceEnd - c.sentenceStart }, (_, i) => c.sentenceStart + i)))
    expect(covered.size).toBe(list.length)
  })

  it('rejects an overlap as large as the chunk', () => {
    expect(() => chunkSentences(sentences([1]), { maxSentences: 2, maxChars: 10, overlapSentences: 2 })).toThrow(RangeError)
  })
})
