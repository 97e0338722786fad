import { CitationList } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { Retriever } from '../core/retriever.js'
import { terms } from '../core/text.js'
import type { AskResponse } from '../core/types.js'
import type { Answerer, AskInput } from './answerer.js'

export const notInSource = (question: string): AskResponse => ({
  answer: `The blueprint does not say anything that answers "${question.trim().slice(0, 200).replace(/\[(\d+)\]/g, '($1)')}".`,
  grounded: false,
  source: 'extractive',
  citations: [],
})

/**
 * Answers with the best-matching source sentences, verbatim, each cited.
 * Refuses when too little of the question's content appears in the corpus.
 */
export class ExtractiveAnswerer implements Answerer {
  constructor(
    private readonly corpus: Corpus,
    private readonly retriever: Retriever,
    private readonly maxSentences = 2,
  ) {}

  async ask({ question }: AskInput): Promise<AskResponse> {
    const ranked = await this.retriever.sentences(question, 6)
    const queryTerms = new Set(terms(question).filter((t) => this.retriever.sentenceLexicon.has(t)))
    if (queryTerms.size === 0) return notInSource(question)
    const picked = ranked.filter((r) => r.lexicalScore > 0).slice(0, this.maxSentences)
    if (picked.length === 0) return notInSource(question)
    picked.sort((a, b) => a.sentence.id - b.sentence.id)
    const list = new CitationList(this.corpus)
    const answer = picked.map((r) => `${r.text} [${list.cite(r.sentence)}]`).join(' ')
    return { answer, grounded: true, source: 'extractive', citations: list.citations }
  }
}
