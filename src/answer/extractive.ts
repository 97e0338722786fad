import { CitationList } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { Retriever } from '../core/retriever.js'
import { stem } from '../core/text.js'
import type { AskResponse, Span } from '../core/types.js'

/** The plain refusal. The question is not echoed, so nothing a user typed is repeated back as an answer. */
export const notInSource = (): AskResponse => ({
  answer: 'The blueprint does not say anything that answers this question.',
  grounded: false,
  source: 'extractive',
  citations: [],
})

/** Share of the question's content stems (cue words it lacks aside) a passage must contain to count as an answer. */
export const MIN_COVERAGE = 0.5

const SENTENCE_MEMO_LIMIT = 10_000

interface Candidate extends Span {
  documentId: string
  /** The whole sentence the clause comes from: what the answer cites. */
  sentence: Span
  covered: Set<string>
  rank: number
}

/**
 * Answers from the source text alone: the clause (or sentence) that covers most of the question's
 * content words, verbatim and cited. Refuses when no passage covers at least half of them.
 */
export class ExtractiveAnswerer {
  /** Stemmed words per sentence id, memoized (bounded): the corpus never changes while serving. */
  readonly #sentenceWords = new Map<number, StemmedWord[]>()

  constructor(
    private readonly corpus: Corpus,
    private readonly retriever: Retriever,
  ) {}

  #stemmedWords(sentenceId: number, text: string, offset: number): StemmedWord[] {
    let words = this.#sentenceWords.get(sentenceId)
    if (!words) {
      if (this.#sentenceWords.size >= SENTENCE_MEMO_LIMIT) this.#sentenceWords.clear()
      this.#sentenceWords.set(sentenceId, (words = stemmedWords(text, offset)))
    }
    return words
  }

  /** The gist of a document (the first by default): its first sentence after the title, cited. */
  lead(documentId = this.corpus.documents[0]?.id, count = 1): AskResponse {
    const sentences = this.corpus.sentences.filter((s) => s.documentId === documentId)
    // Each paragraph's first sentence, the headline (paragraph 0) left out: "in three bullet points" takes the
    // first two paragraphs' and the last one's, which a news article ends on.
    const body = sentences.filter((s) => s.paragraph > 0)
    const openings = (body.length ? body : sentences).filter((s, i, all) => all.findIndex((t) => t.paragraph === s.paragraph) === i)
    const n = Math.min(Math.max(1, count), openings.length)
    const lead = n > 1 ? [...openings.slice(0, n - 1), openings.at(-1)!] : openings.slice(0, 1)
    if (!lead.length) return notInSource()
    const list = new CitationList(this.corpus)
    const answer = lead.map((s) => `${this.corpus.text(s.documentId, s)} [${list.cite(s)}]`).join(' ')
    return { answer, grounded: true, source: 'extractive', citations: list.citations }
  }

  /**
   * @param contentStems the question's content stems; the chosen clause must contain half of them
   * @param cueStems stems among them that only say what kind of answer is wanted ("tackle", "intend"):
   *   they count when a clause has them, and are not held against one that doesn't
   */
  async answer(query: string, contentStems: ReadonlySet<string>, cueStems: ReadonlySet<string> = new Set()): Promise<AskResponse> {
    if (contentStems.size === 0) return notInSource()
    const ranked = await this.retriever.sentences(query, 8)
    const candidates: Candidate[] = []
    ranked.forEach((r, rank) => {
      const words = this.#stemmedWords(r.sentence.id, r.text, r.sentence.start)
      for (const span of clauses(r.text, r.sentence.start)) {
        const covered = coverage(words, span, contentStems)
        candidates.push({ ...span, documentId: r.sentence.documentId, sentence: r.sentence, covered, rank })
      }
    })
    candidates.sort((a, b) => b.covered.size - a.covered.size || a.rank - b.rank || a.start - b.start)
    const best = candidates[0]
    const needed = (c: Candidate) => [...contentStems].filter((s) => c.covered.has(s) || !cueStems.has(s)).length
    if (!best || best.covered.size / needed(best) < MIN_COVERAGE) return notInSource()
    const picked = [best]
    const second = candidates.find((c) => c !== best && [...c.covered].some((s) => !best.covered.has(s)) && !overlaps(c, best))
    if (second && (best.covered.size + [...second.covered].filter((s) => !best.covered.has(s)).length) > best.covered.size) picked.push(second)
    picked.sort((a, b) => a.start - b.start)
    const list = new CitationList(this.corpus)
    const answer = picked.map((c) => `${sentenceCase(this.corpus.text(c.documentId, c))} [${list.cite({ documentId: c.documentId, start: c.sentence.start, end: c.sentence.end })}]`).join(' ')
    return { answer, grounded: true, source: 'extractive', citations: list.citations }
  }
}

/** The sentence itself, then its clauses split at semicolons and spaced dashes, without separators or edge spaces. */
export function clauses(sentence: string, offset: number): Span[] {
  const spans: Span[] = [{ start: offset, end: offset + sentence.length }]
  let from = 0
  for (const m of [...sentence.matchAll(/;|\s--\s/g), null]) {
    const to = m ? m.index : sentence.length
    const part = sentence.slice(from, to)
    const start = from + (part.length - part.trimStart().length)
    const end = to - (part.length - part.trimEnd().length)
    if (m !== null || from > 0) if (end - start > 20) spans.push({ start: offset + start, end: offset + end })
    if (m) from = m.index + m[0].length
  }
  return spans
}

interface StemmedWord {
  /** Offset of the word in the document. */
  start: number
  stem: string
}

/** The words of a sentence that starts at `offset`, lower-cased and stemmed, tokenized once for all its clauses. */
function stemmedWords(sentence: string, offset: number): StemmedWord[] {
  return Array.from(sentence.matchAll(/[\p{L}\p{N}]+/gu), (m) => ({ start: offset + m.index, stem: stem(m[0].toLowerCase()) }))
}

/** The content stems that occur in a clause (clauses never split a word; words are in text order). */
function coverage(words: readonly StemmedWord[], clause: Span, contentStems: ReadonlySet<string>): Set<string> {
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (words[mid]!.start < clause.start) lo = mid + 1
    else hi = mid
  }
  const covered = new Set<string>()
  for (let i = lo; i < words.length && words[i]!.start < clause.end; i++) if (contentStems.has(words[i]!.stem)) covered.add(words[i]!.stem)
  return covered
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end
const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
