import type { GraphEntity } from './graph.js'
import type { ResolvedFact } from './schema.js'

/** A piece of an answer and the facts whose evidence supports it. */
export interface Segment {
  text: string
  facts: ResolvedFact[]
  /** Said besides what was asked ("… are also in Jinzhong"): a follow-up's "those" does not point into it. */
  aside?: boolean
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']

/** "five (5)" for numbers up to fifteen, so both spellings of the count are in the answer. */
/** Scale words of amounts: "200 billion yuan". */
export const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }

export const countWord = (n: number) => (n <= 15 && NUMBER_WORDS[n] ? `${NUMBER_WORDS[n]} (${n})` : String(n))

/** A whole number written in digits or as a word up to twenty ("15", "seven"). */
export function numberOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word)
  const at = NUMBER_WORDS.indexOf(word)
  return at >= 0 ? at : undefined
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
}

/** Display name; for Chinese questions the first Chinese alias is added: "Xinzhou (忻州)". */
export function nameOf(entity: GraphEntity, language: 'en' | 'zh'): string {
  if (language !== 'zh') return entity.name
  const chinese = entity.aliases.find((a) => /[\u3400-\u9fff]/u.test(a))
  return chinese ? `${entity.name} (${chinese})` : entity.name
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Plural of an entity type name for answers: city → cities, industry → industries. */
export function plural(type: string, n = 2): string {
  const word = type.replace(/-/g, ' ')
  if (n === 1) return word
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`
  return `${word}s`
}
