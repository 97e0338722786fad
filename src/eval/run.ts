import type { Answerer } from '../answer/answerer.js'
import type { Corpus } from '../core/corpus.js'
import type { GoldItem } from './gold.js'
import { scoreAnswer, summarize, type ItemScore, type Summary } from './score.js'

export interface EvalThresholds {
  accuracy: number
  citationValidity: number
  /** Share of unanswerable items that must be refused. */
  refusal: number
}

/** The targets of the answer-quality issue on the embedded default. */
export const THRESHOLDS: EvalThresholds = { accuracy: 0.95, citationValidity: 1, refusal: 1 }

export interface EvalReport {
  scores: ItemScore[]
  summary: Summary[]
  /** Threshold failures, empty when the run passes. */
  failures: string[]
}

/** Asks every gold question and scores the answers. */
export async function runEval(answerer: Answerer, corpus: Corpus, gold: readonly GoldItem[], thresholds = THRESHOLDS): Promise<EvalReport> {
  const scores: ItemScore[] = []
  for (const item of gold) {
    const response = await answerer.ask({ question: item.question, history: item.history })
    scores.push(scoreAnswer(item, response, (id) => corpus.document(id)?.text))
  }
  const summary = summarize(scores)
  const overall = summary.at(-1)!
  const unanswerable = scores.filter((s) => gold.find((g) => g.id === s.id)!.expect.grounded === false)
  const refusal = unanswerable.length ? unanswerable.filter((s) => s.refusalCorrect).length / unanswerable.length : 1
  const failures: string[] = []
  if (overall.accuracy < thresholds.accuracy) failures.push(`accuracy ${overall.accuracy.toFixed(3)} < ${thresholds.accuracy}`)
  if (overall.citationValidity < thresholds.citationValidity) failures.push(`citation validity ${overall.citationValidity.toFixed(3)} < ${thresholds.citationValidity}`)
  if (refusal < thresholds.refusal) failures.push(`refused ${(refusal * 100).toFixed(1)}% of unanswerable questions, need ${thresholds.refusal * 100}%`)
  return { scores, summary, failures }
}
