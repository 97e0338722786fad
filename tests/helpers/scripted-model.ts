import type { ChatHandler } from './openai-server.js'
import { reply } from './openai-server.js'

const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? [])

/**
 * A crude but honest scripted "model" for running the gold set through the model path: it picks
 * the passage sharing most words with the question, answers with that passage's first clause,
 * and cites it verbatim. With fewer than two shared words it says the passages don't answer.
 */
export const extractiveModel: ChatHandler = (body, _req, res) => {
  const user = String(body.messages.at(-1).content)
  const passages: Array<{ id: number; text: string }> = JSON.parse(user.slice(user.indexOf('\n') + 1, user.indexOf('\n\nQuestion (JSON data):')))
  const question = words(JSON.parse(user.slice(user.indexOf('Question (JSON data):\n') + 'Question (JSON data):\n'.length)))
  const scored = passages.map((p) => ({ p, shared: [...words(p.text)].filter((w) => question.has(w)).length }))
  const best = scored.sort((a, b) => b.shared - a.shared)[0]
  if (!best || best.shared < 2) return reply(body, res, JSON.stringify({ answerable: false, citations: [], answer: '' }))
  const quote = best.p.text.split(/;|\s--\s/)[0]!.trim()
  return reply(body, res, JSON.stringify({ answerable: true, citations: [{ passageId: best.p.id, quote }], answer: `${quote} [${best.p.id}].` }))
}
