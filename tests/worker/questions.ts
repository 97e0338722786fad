import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../src/node/wrangler.js'

export interface QuestionCase {
  question: string
  history?: Array<{ role: 'user' | 'assistant'; content: string }>
}

export const GOLD_FILE = join(ROOT, 'tests/eval/gold.json')
const FIXTURE_FILE = join(ROOT, 'tests/worker/questions.json')

/**
 * The questions the Node-equals-Worker comparison runs: the gold set once `tests/eval/gold.json`
 * exists (an array of cases, or an object holding one), else the fixture beside this file.
 */
export function comparisonQuestions(): { source: string; cases: QuestionCase[] } {
  const file = existsSync(GOLD_FILE) ? GOLD_FILE : FIXTURE_FILE
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const list = Array.isArray(raw) ? raw : Object.values(raw as object).find(Array.isArray)
  if (!Array.isArray(list)) throw new Error(`${file} holds no list of questions`)
  const cases = list.map((item: { question?: unknown; history?: unknown }) => {
    if (typeof item?.question !== 'string') throw new Error(`${file}: every case needs a "question" string`)
    return { question: item.question, ...(Array.isArray(item.history) ? { history: item.history } : {}) } as QuestionCase
  })
  return { source: file.slice(ROOT.length + 1), cases }
}
