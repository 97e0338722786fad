import * as z from 'zod'
import type { Corpus } from '../core/corpus.js'
import type { Citation } from '../core/types.js'
import { takeSentences } from './answer-sentences.js'
import { CitationChecker } from './check-citations.js'
import { ModelFallbackError } from './errors.js'
import type { NumberedPassage } from './passages.js'
import { ModelAnswerSchema } from './schema.js'

const stripFence = (text: string) => text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '')
const CitationsSchema = ModelAnswerSchema.shape.citations

let parsePartialJson: ((text: string) => unknown) | undefined

/** Loads LangChain's partial-JSON parser, once; awaited before the first model answer so start-up never imports LangChain. */
export async function loadPartialJsonParser(): Promise<void> {
  parsePartialJson ??= (await import('@langchain/core/output_parsers')).parsePartialJson
}

export type Assembled = { answerable: false } | { answerable: true; answer: string; citations: Citation[] }

/**
 * Turns the model's streamed JSON into checked answer text. As soon as the citations are complete
 * (they come first in the schema), each finished answer sentence is checked and released; `finish`
 * parses the whole output strictly and releases the rest.
 */
export class AnswerAssembler {
  #content = ''
  #consumed = 0
  /** The answer text already split into sentences. */
  #seen = ''
  #checker: CitationChecker | undefined

  constructor(
    private readonly corpus: Corpus,
    private readonly passages: readonly NumberedPassage[],
  ) {}

  /** Adds a delta of model output; returns answer text that is now final ('' if none). */
  push(delta: string): string {
    this.#content += delta
    if (!parsePartialJson) throw new Error('loadPartialJsonParser() must be awaited before the first delta')
    const partial = parsePartialJson(stripFence(this.#content)) as Record<string, unknown> | null
    if (!partial || typeof partial.answer !== 'string') return ''
    if (!this.#checker) {
      const keys = Object.keys(partial)
      const citations = CitationsSchema.safeParse(partial.citations)
      if (keys.indexOf('citations') < 0 || keys.indexOf('citations') > keys.indexOf('answer') || !citations.success) return ''
      this.#checker = new CitationChecker(this.corpus, this.passages, citations.data)
    }
    return this.#release(partial.answer, false)
  }

  /** Parses the complete output; throws `ModelFallbackError` when it is malformed or uncited. */
  finish(): { released: string; result: Assembled } {
    let parsed: z.output<typeof ModelAnswerSchema>
    try {
      parsed = ModelAnswerSchema.parse(JSON.parse(stripFence(this.#content)))
    } catch (error) {
      throw new ModelFallbackError('malformed_output', `model output is not the cited-answer JSON: ${(error as Error).message}`)
    }
    if (!parsed.answerable) return { released: '', result: { answerable: false } }
    this.#checker ??= new CitationChecker(this.corpus, this.passages, parsed.citations)
    if (!parsed.answer.startsWith(this.#seen)) throw new ModelFallbackError('malformed_output', 'the final answer differs from the streamed one')
    const released = this.#release(parsed.answer, true)
    const checker = this.#checker
    if (!checker.answer) throw new ModelFallbackError('no_valid_citations', 'no sentence of the answer has a verified citation')
    return { released, result: { answerable: true, answer: checker.answer, citations: checker.citations } }
  }

  #release(answer: string, final: boolean): string {
    const { sentences, rest } = takeSentences(answer.slice(this.#consumed), final)
    this.#consumed = answer.length - rest.length
    this.#seen = answer.slice(0, this.#consumed)
    return sentences.map((s) => this.#checker!.sentence(s)).join('')
  }
}
