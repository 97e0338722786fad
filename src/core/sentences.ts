import type { Span } from './types.js'

/** Words that end with a period without ending the sentence. Compared lower-case, without the period. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon',
  'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'no', 'nos', 'vol', 'fig', 'approx', 'vs', 'cf', 'al',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'p.r.c', 'a.m', 'p.m',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])

export interface SentenceSpan extends Span {
  paragraph: number
}

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g
const TERMINATOR = /[.!?]+["'”’)\]]*(?=\s)|[。！？]+["'”’」』)）]*/g

/**
 * Splits a document into sentences with exact offsets: `text.slice(start, end)` is the sentence,
 * without surrounding whitespace. Paragraph breaks (blank lines) always end a sentence.
 * Decimal numbers (`$14.12`), abbreviations (`U.S.`, `Dr.`), initials and ` -- ` dashes do not.
 *
 * @example splitSentences('Dr. Li paid $14.12. Then left.') // two spans
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  let paragraph = 0
  for (const [start, end] of paragraphs(text)) {
    let sentenceStart = start
    TERMINATOR.lastIndex = start
    for (let m = TERMINATOR.exec(text); m && m.index < end; m = TERMINATOR.exec(text)) {
      const cut = m.index + m[0].length
      if (cut >= end) break
      if (!endsSentence(text, sentenceStart, m.index, cut)) continue
      pushTrimmed(spans, text, sentenceStart, cut, paragraph)
      sentenceStart = cut
    }
    pushTrimmed(spans, text, sentenceStart, end, paragraph)
    paragraph++
  }
  return spans
}

function* paragraphs(text: string): Generator<[number, number]> {
  let start = 0
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    if (text.slice(start, m.index).trim()) yield [start, m.index]
    start = m.index + m[0].length
  }
  if (text.slice(start).trim()) yield [start, text.length]
}

function endsSentence(text: string, sentenceStart: number, markIndex: number, cut: number): boolean {
  const mark = text[markIndex]
  if (mark !== '.') return true
  const before = text.slice(sentenceStart, markIndex)
  const word = /(\S+)$/.exec(before)?.[1] ?? ''
  const bare = word.replace(/^["'“‘(\[]+/, '').toLowerCase()
  if (ABBREVIATIONS.has(bare)) return false
  if (/^\p{Lu}$/u.test(word)) return false
  const next = /\S/.exec(text.slice(cut))?.[0] ?? ''
  return !/\p{Ll}/u.test(next)
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number, paragraph: number): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) spans.push({ start, end, paragraph })
}
