import type { HistoryTurn } from '../core/types.js'
import type { Knowledge } from '../facts/knowledge.js'
import { understand, type Understanding } from '../facts/understand.js'

const CONTEXT_WORDS = new Set(['it', 'its', 'they', 'them', 'their', 'those', 'these', 'that', 'there', 'this', 'and', 'also', 'about', 'same'])

/**
 * Resolves a follow-up against the last earlier user question that named an entity:
 * "and in which cities?" borrows the earlier entities; "and ceramics?" borrows the earlier frame.
 * Returns the words to answer with; unchanged when the question stands on its own.
 */
export function resolveFollowUp(words: string[], history: readonly HistoryTurn[] | undefined, knowledge: Knowledge): string[] {
  if (!history?.length) return words
  const current = understand(words, knowledge.graph, knowledge.lexicon)
  const hasEntity = current.mentions.length > 0
  const hasFrame = Boolean(current.targetType) || current.relations.size > 0 || !['what', 'yesno'].includes(current.intent)
  const referential = words.some((w) => CONTEXT_WORDS.has(w)) || words.length <= 6
  if (hasEntity && hasFrame) return words
  if (!referential) return words
  const previous = previousQuestion(history, knowledge)
  if (!previous) return words
  if (!hasEntity) return [...words, 'of', ...previous.mentions.flatMap((m) => previous.words.slice(m.from, m.to))]
  const frame = previous.words.filter((_, i) => !previous.mentions.some((m) => i >= m.from && i < m.to))
  const mentioned = current.mentions.flatMap((m) => words.slice(m.from, m.to))
  return [...frame, ...mentioned]
}

function previousQuestion(history: readonly HistoryTurn[], knowledge: Knowledge): Understanding | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!
    if (turn.role !== 'user') continue
    const { words } = knowledge.normalizer.normalize(turn.content)
    const u = understand(words, knowledge.graph, knowledge.lexicon)
    if (u.mentions.length) return u
  }
  return undefined
}
