import type { Answerer } from '../answer/answerer.js'
import { citationsAreValid } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { AskResponse, FaqItem } from '../core/types.js'
import type { ResolvedFacts } from '../facts/schema.js'
import { faqQuestions, type FaqQuestion } from './faq-questions.js'

export const FAQ_SIZE = 12

/** Keeps an answer only when it is grounded, cited, exact, and names everything the fact says. */
export function isGoodFaqAnswer(corpus: Corpus, question: FaqQuestion, response: AskResponse): boolean {
  if (!response.grounded || response.citations.length === 0) return false
  if (!citationsAreValid((id) => corpus.document(id)?.text, response.answer, response.citations)) return false
  if (!/\[\d+\]/.test(response.answer)) return false
  const answer = response.answer.toLowerCase()
  return question.expect.every((name) => answer.includes(name.toLowerCase()))
}

/** Takes one question from each relation in turn, so the FAQ covers the whole graph before repeating a kind. */
function interleave(questions: readonly FaqQuestion[]): FaqQuestion[] {
  const queues = new Map<string, FaqQuestion[]>()
  for (const q of questions) queues.set(q.relation, [...(queues.get(q.relation) ?? []), q])
  const out: FaqQuestion[] = []
  while ([...queues.values()].some((queue) => queue.length)) for (const queue of queues.values()) if (queue.length) out.push(queue.shift()!)
  return out
}

/**
 * Builds the FAQ at ingest: questions derived from the facts, answered by the offline answerer,
 * kept only when grounded with exact citations, deduplicated by answer and capped at `size`.
 *
 * @example
 * const faq = await buildFaq(services.answerer, services.corpus, services.facts)
 */
export async function buildFaq(answerer: Answerer, corpus: Corpus, facts: Record<string, ResolvedFacts>, size = FAQ_SIZE): Promise<FaqItem[]> {
  const items: FaqItem[] = []
  const answers = new Set<string>()
  const ids = Object.keys(facts).sort()
  for (const question of interleave(ids.flatMap((id) => faqQuestions(facts[id]!)))) {
    if (items.length >= size) break
    const response = await answerer.ask({ question: question.question })
    if (!isGoodFaqAnswer(corpus, question, response) || answers.has(response.answer)) continue
    answers.add(response.answer)
    const { answer, grounded, source, citations } = response
    items.push({ id: question.id, question: question.question, answer, grounded, source, citations })
  }
  return items
}
