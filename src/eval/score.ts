import { citationsAreValid } from '../core/citations.js'
import type { AskResponse } from '../core/types.js'
import type { GoldItem } from './gold.js'

export interface ItemScore {
  id: string
  category: string
  /** Grounded as expected, every expected string present, no forbidden string. */
  correct: boolean
  /** Every citation quotes its document exactly and every [n] resolves. */
  citationsValid: boolean
  /** Every expected evidence string lies inside a citation (vacuous for refusals). */
  evidenceCovered: boolean
  /** For unanswerable items: refused. For answerable ones: not refused. */
  refusalCorrect: boolean
  problems: string[]
}

const has = (text: string, needle: string) => text.toLowerCase().includes(needle.toLowerCase())

/** Scores one answer against its gold item; `documentText` returns a document's text by id. */
export function scoreAnswer(item: GoldItem, response: AskResponse, documentText: (id: string) => string | undefined): ItemScore {
  const problems: string[] = []
  const { expect } = item
  const answer = response.answer
  if (response.grounded !== expect.grounded) problems.push(`grounded ${response.grounded}, expected ${expect.grounded}`)
  for (const s of expect.all ?? []) if (!has(answer, s)) problems.push(`missing "${s}"`)
  if (expect.any?.length && !expect.any.some((s) => has(answer, s))) problems.push(`none of ${JSON.stringify(expect.any)}`)
  for (const s of expect.none ?? []) if (has(answer, s)) problems.push(`forbidden "${s}"`)
  const correct = problems.length === 0

  const citationsValid = citationsAreValid(documentText, answer, response.citations) && (!response.grounded || response.citations.length > 0)
  if (!citationsValid) problems.push('invalid citations')

  const evidenceCovered = !expect.grounded || (expect.evidence ?? []).every((e) => response.citations.some((c) => c.quote.includes(e)))
  if (!evidenceCovered) problems.push('citations do not cover the evidence')

  return { id: item.id, category: item.category, correct, citationsValid, evidenceCovered, refusalCorrect: response.grounded === expect.grounded, problems }
}

export interface Summary {
  category: string
  n: number
  accuracy: number
  citationValidity: number
  evidenceCoverage: number
  refusalAccuracy: number
}

/** Per-category and overall rates; the overall row is last and named "overall". */
export function summarize(scores: readonly ItemScore[]): Summary[] {
  const categories = [...new Set(scores.map((s) => s.category))]
  const rate = (list: readonly ItemScore[], key: keyof Pick<ItemScore, 'correct' | 'citationsValid' | 'evidenceCovered' | 'refusalCorrect'>) =>
    list.filter((s) => s[key]).length / list.length
  const row = (category: string, list: readonly ItemScore[]): Summary => ({
    category,
    n: list.length,
    accuracy: rate(list, 'correct'),
    citationValidity: rate(list, 'citationsValid'),
    evidenceCoverage: rate(list, 'evidenceCovered'),
    refusalAccuracy: rate(list, 'refusalCorrect'),
  })
  return [...categories.map((c) => row(c, scores.filter((s) => s.category === c))), row('overall', scores)]
}

export function formatTable(rows: readonly Summary[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const lines = ['| category | n | accuracy | citation validity | evidence coverage | refusal accuracy |', '|---|---:|---:|---:|---:|---:|']
  for (const r of rows) lines.push(`| ${r.category} | ${r.n} | ${pct(r.accuracy)} | ${pct(r.citationValidity)} | ${pct(r.evidenceCoverage)} | ${pct(r.refusalAccuracy)} |`)
  return lines.join('\n')
}
