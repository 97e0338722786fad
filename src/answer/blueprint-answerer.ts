import type { Corpus } from '../core/corpus.js'
import type { Retriever } from '../core/retriever.js'
import { isStopword, stem } from '../core/text.js'
import type { AskResponse } from '../core/types.js'
import { CONTEXT_TYPES } from '../facts/engine.js'
import type { Knowledge } from '../facts/knowledge.js'
import { understand, type Understanding } from '../facts/understand.js'
import type { Answerer, AskInput } from './answerer.js'
import { composeSegments } from './compose.js'
import { ExtractiveAnswerer, notInSource } from './extractive.js'
import { resolveFollowUp } from './follow-up.js'
import { stripInstructions } from './injection.js'

const CJK_CHAR = /^[\u3400-\u9fff\uf900-\ufaff]$/u

/**
 * The offline answerer: strips instructions, normalizes the question (aliases, Chinese, spelling,
 * typos), resolves follow-ups, then answers from the facts lookup, else from source clauses,
 * else says the blueprint does not say.
 */
export class BlueprintAnswerer implements Answerer {
  readonly #extractive: ExtractiveAnswerer

  constructor(
    private readonly corpus: Corpus,
    retriever: Retriever,
    private readonly knowledge: Knowledge,
  ) {
    this.#extractive = new ExtractiveAnswerer(corpus, retriever)
  }

  async ask({ question, history }: AskInput): Promise<AskResponse> {
    const analysis = this.analyze(question, history)
    if (!analysis) return notInSource(question)
    const { u, language, unknown } = analysis
    const result = this.knowledge.engine.answer(u, language)
    if (result.kind === 'refuse') return notInSource(question)
    const specific = u.mentions.some((m) => m.entities.some((e) => !CONTEXT_TYPES.has(e.type)))
    if (result.kind === 'answer' && (unknown.length === 0 || specific)) return composeSegments(this.corpus, result.segments, 'structured')
    if (unknown.length) return notInSource(question)
    return this.#extractive.answer(u.words.join(' '), this.contentStems(u), question)
  }

  /** The question as the engine sees it, or undefined when nothing is left after removing instructions. */
  analyze(question: string, history?: AskInput['history']): { u: Understanding; language: 'en' | 'zh'; unknown: string[] } | undefined {
    const cleaned = stripInstructions(question)
    if (!/[\p{L}\p{N}]/u.test(cleaned)) return undefined
    const { words, language } = this.knowledge.normalizer.normalize(cleaned)
    const resolved = resolveFollowUp(words, history, this.knowledge)
    const u = understand(resolved, this.knowledge.graph, this.knowledge.lexicon)
    const unknown = resolved.filter((w) => !isStopword(w) && !CJK_CHAR.test(w) && !this.knowledge.normalizer.knows(w))
    return { u, language, unknown }
  }

  /** Stems that carry the question's content: not stop words, not generic lexicon words. */
  contentStems(u: Understanding): Set<string> {
    return new Set(u.words.filter((w) => !isStopword(w) && !this.knowledge.generic.has(w) && !CJK_CHAR.test(w)).map(stem))
  }
}
