import { CitationList, type SourceSpan } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { Citation } from '../core/types.js'
import type { NumberedPassage } from './passages.js'
import { SYSTEM_PROMPT } from './prompt.js'
import type { ModelCitation } from './schema.js'

/** Quotes shorter than this (after trimming) are too weak to support a claim. */
export const MIN_QUOTE_LENGTH = 8

const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Where `quote` occurs in `text`: verbatim, or verbatim up to runs of whitespace. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | undefined {
  const q = quote.trim()
  if (q.length < MIN_QUOTE_LENGTH) return undefined
  const at = text.indexOf(q)
  if (at >= 0) return { start: at, end: at + q.length }
  const match = new RegExp(q.split(/\s+/).map(escapeRegExp).join('\\s+')).exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : undefined
}

const promptFragments = SYSTEM_PROMPT.split('\n').map((line) => line.slice(0, 40).toLowerCase())

/** True when a sentence repeats a line of the system prompt. */
export const echoesSystemPrompt = (sentence: string) => promptFragments.some((f) => sentence.toLowerCase().includes(f))

/**
 * Checks the model's citations against the passages it was given and rewrites answer sentences:
 * `[n]` (a passage number) becomes the ids of that passage's verified quotes; a sentence with no
 * verified citation, or one that echoes the system prompt, is dropped.
 */
export class CitationChecker {
  readonly #list: CitationList
  readonly #quotes = new Map<number, SourceSpan[]>()
  #answer = ''

  constructor(corpus: Corpus, passages: readonly NumberedPassage[], citations: readonly ModelCitation[]) {
    this.#list = new CitationList(corpus)
    for (const { passageId, quote } of citations) {
      const passage = passages.find((p) => p.id === passageId)
      const found = passage && locateQuote(passage.text, quote)
      if (!passage || !found) continue
      const span = { documentId: passage.documentId, start: passage.start + found.start, end: passage.start + found.end }
      const known = this.#quotes.get(passageId) ?? []
      if (!known.some((s) => s.start === span.start && s.end === span.end)) this.#quotes.set(passageId, [...known, span])
    }
  }

  /** How many model citations survived checking. */
  get verifiedQuotes(): number {
    return [...this.#quotes.values()].reduce((n, spans) => n + spans.length, 0)
  }

  /** Accepts one answer sentence; returns the text to append to the answer, or '' when it is dropped. */
  sentence(raw: string): string {
    if (echoesSystemPrompt(raw)) return ''
    const cited = [...raw.matchAll(MARKER)].flatMap((m) => m[1]!.split(',').flatMap((n) => this.#quotes.get(Number(n)) ?? []))
    if (cited.length === 0) return ''
    const text = raw
      .replace(MARKER, (_, ids: string) => {
        const spans = ids.split(',').flatMap((n) => this.#quotes.get(Number(n)) ?? [])
        return [...new Set(spans.map((s) => this.#list.cite(s)))].map((id) => `[${id}]`).join('')
      })
      .replace(/[ \t]+(?=[.,;:!?。，；：！？]|$)/g, '')
      .replace(/[ \t]{2,}/g, ' ')
      .trimEnd()
    const lead = this.#answer ? (/^\s*\n/.test(text) ? '\n' : /^\s/.test(text) ? ' ' : '') : ''
    const piece = lead + text.trimStart()
    this.#answer += piece
    return piece
  }

  get answer(): string {
    return this.#answer
  }

  get citations(): Citation[] {
    return this.#list.citations
  }
}
