import type { Corpus } from './corpus.js'
import type { Citation, Span } from './types.js'

export interface SourceSpan extends Span {
  documentId: string
}

/**
 * Numbers source spans as citations 1..n, merging exact duplicates, with the quote cut from the
 * document so that `quote === text.slice(start, end)` always holds.
 */
export class CitationList {
  readonly citations: Citation[] = []
  readonly #keys = new Map<string, number>()

  constructor(private readonly corpus: Corpus) {}

  /** Adds a span (or finds it) and returns its citation id. */
  cite(span: SourceSpan): number {
    const key = `${span.documentId}:${span.start}:${span.end}`
    const known = this.#keys.get(key)
    if (known !== undefined) return known
    const doc = this.corpus.document(span.documentId)
    if (!doc || span.start < 0 || span.end > doc.text.length || span.start >= span.end) {
      throw new RangeError(`citation span ${key} is outside its document`)
    }
    const id = this.citations.length + 1
    this.citations.push({ id, documentId: doc.id, title: doc.title, quote: doc.text.slice(span.start, span.end), start: span.start, end: span.end })
    this.#keys.set(key, id)
    return id
  }
}

/** True when every citation quotes its document exactly and every `[n]` in the answer names one. */
export function citationsAreValid(textOf: (documentId: string) => string | undefined, answer: string, citations: readonly Citation[]): boolean {
  const ids = new Set(citations.map((c) => c.id))
  const exact = citations.every((c) => textOf(c.documentId)?.slice(c.start, c.end) === c.quote)
  const markers = [...answer.matchAll(/\[(\d+)\]/g)].every((m) => ids.has(Number(m[1])))
  return exact && markers
}
