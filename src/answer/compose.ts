import { CitationList } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { AnswerSource, AskResponse } from '../core/types.js'
import type { SourceSpan } from '../core/citations.js'
import type { Segment } from '../facts/phrasing.js'

/**
 * Turns answer segments into text with `[n]` markers before each segment's final punctuation,
 * citing the sentence that holds each evidence span of the segment's facts. `grounded` is false when
 * the segments say that the documents don't answer the question and cite only what they do say.
 */
export function composeSegments(corpus: Corpus, segments: readonly Segment[], source: AnswerSource, grounded = true): AskResponse {
  const list = new CitationList(corpus)
  const parts = segments.map((segment) => {
    const spans = mergeSpans(segment.facts.flatMap((f) => f.spans.map((span) => ({ documentId: f.documentId, ...corpus.sentenceSpan(f.documentId, span) }))))
    const ids = [...new Set(spans.map((span) => list.cite(span)))].sort((a, b) => a - b)
    if (!ids.length) return segment.text
    const markers = ids.map((id) => `[${id}]`).join('')
    const m = /([.;:!?。])$/.exec(segment.text)
    return m ? `${segment.text.slice(0, -1)} ${markers}${m[1]}` : `${segment.text} ${markers}`
  })
  return { answer: parts.join(' '), grounded, source, citations: list.citations }
}

/** Overlapping spans of the same document become one span, so one claim is not cited three times. */
export function mergeSpans(spans: readonly SourceSpan[]): SourceSpan[] {
  // Ordinal comparison: `localeCompare` would load ICU collation data on the first call (~17 ms of a cold Worker's budget).
  const byDocument = (a: SourceSpan, b: SourceSpan) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0)
  const sorted = spans.map((span, order) => ({ ...span, order })).sort((a, b) => byDocument(a, b) || a.start - b.start)
  const out: typeof sorted = []
  for (const span of sorted) {
    const last = out.at(-1)
    if (last && last.documentId === span.documentId && span.start < last.end) last.end = Math.max(last.end, span.end)
    else out.push(span)
  }
  // Keep the order in which the merged spans' first pieces were given.
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...span }) => span)
}
