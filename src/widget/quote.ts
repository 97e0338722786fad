/** A quote with the rest of its paragraph around it. */
export interface QuoteContext {
  before: string
  quote: string
  after: string
}

const PARAGRAPH_BREAK = /[ \t]*\r?\n[ \t]*\r?\n\s*/g

/**
 * Cuts the paragraph holding `[start, end)` out of a document; paragraphs are separated by blank lines.
 *
 * @example quoteInParagraph('One.\n\nTwo three. Four.', 10, 16) // { before: 'Two ', quote: 'three.', after: ' Four.' }
 */
export function quoteInParagraph(text: string, start: number, end: number): QuoteContext {
  let from = 0
  let to = text.length
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    const after = m.index + m[0].length
    if (after <= start) from = after
    else if (m.index >= end) {
      to = m.index
      break
    }
  }
  return { before: text.slice(from, start), quote: text.slice(start, end), after: text.slice(end, to) }
}
