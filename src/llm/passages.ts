import type { SourceSpan } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { Passage } from '../core/retriever.js'

/** A span of a document offered to the model under a number; quotes are checked against `text`. */
export interface NumberedPassage extends SourceSpan {
  id: number
  title: string
  text: string
  /** Optional context shown with the passage, e.g. the structured fact it supports. Never quotable. */
  label?: string | undefined
}

/** An extra span to offer the model, e.g. the source sentence of a structured fact. */
export interface ExtraPassage extends SourceSpan {
  label?: string | undefined
}

/** Supplies extra passages for a question (the facts lookup plugs in here). */
export type ExtraPassages = (question: string) => ExtraPassage[] | Promise<ExtraPassage[]>

/**
 * Numbers retrieved chunks and extra spans 1..n, dropping spans already inside an earlier passage
 * of the same document, and cutting every passage's text from the corpus.
 */
export function numberPassages(corpus: Corpus, retrieved: readonly Passage[], extra: readonly ExtraPassage[]): NumberedPassage[] {
  const out: NumberedPassage[] = []
  const spans: ExtraPassage[] = [...extra, ...retrieved.map((p) => ({ documentId: p.chunk.documentId, start: p.chunk.start, end: p.chunk.end }))]
  for (const span of spans) {
    const doc = corpus.document(span.documentId)
    if (!doc || span.start < 0 || span.end > doc.text.length || span.start >= span.end) continue
    if (out.some((p) => p.documentId === span.documentId && p.start <= span.start && span.end <= p.end)) continue
    out.push({ id: out.length + 1, documentId: doc.id, title: doc.title, start: span.start, end: span.end, text: doc.text.slice(span.start, span.end), label: span.label })
  }
  return out
}
