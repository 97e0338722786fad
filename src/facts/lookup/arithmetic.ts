import { stem } from '../../core/text.js'
import type { ResolvedFact } from '../schema.js'
import { capitalize, SCALES } from '../phrasing.js'
import { WEAK_MEASURES, type EngineResult, type Lookup } from './context.js'

/** Words that ask for the sum over everything a per-item figure counts ("their combined output"). */
const COMBINED = new Set(['combined', 'together', 'total', 'totals', 'altogether', 'sum', 'aggregate', 'collectively', 'collective', 'cumulative'])
/** Words that ask for the rate between two units of one amount ("exchange rate", "yuan per US dollar"). */
const RATE = new Set(['rate', 'exchange', 'conversion', 'convert', 'per'])

/**
 * Arithmetic the facts imply: a per-item figure times the count it applies to ("each of the 14
 * industries … 100 billion yuan" → 1.4 trillion yuan in all), and the rate between two units of one
 * amount (100 billion yuan given as $14.12 billion → about 7.08 yuan per US dollar). The figures must
 * say how they relate (`per`, `sameAs` in the facts file); the answer cites them and shows the sum.
 */
/** Words that ask for the figure the article gives, not a rate of the day. */
const OF_THE_ARTICLE = new Set(['article', 'imply', 'implies', 'implied', 'given', 'gives', 'figure', 'figures', 'uses', 'used', 'blueprint', 'blueprints'])
const OTHER_CURRENCIES = new Set(['euro', 'euros', 'yen', 'pound', 'pounds', 'sterling', 'rupee', 'rupees', 'won', 'ruble', 'rubles', 'franc', 'francs'])

export function arithmetic({ graph, cues, u }: Lookup): EngineResult | undefined {
  const stems = new Set(u.words.map(stem))
  const figures = graph.facts.filter((f) => f.relation === 'figure' && typeof f.value === 'number')
  const byId = (f: ResolvedFact, id: string | undefined) => figures.find((g) => g.id === id && g.documentId === f.documentId)
  const asked = (f: ResolvedFact) => (f.measure ?? []).some((m) => m.split(/\s+/).every((w) => stems.has(stem(w.toLowerCase()))))
  // ("Total investment budgeted for the 14 industries?": an amount the documents never give is not theirs to add up;
  // "Do the traditional and the emerging industries add up to the total …?" adds up two groups' sizes, the totals lookup's.)
  const groups = new Set(u.mentions.flatMap((m) => m.entities).filter((e) => graph.about(e).some((f) => f.relation === 'total')))
  if (u.words.some((w) => COMBINED.has(w)) && groups.size < 2 && !u.measures.some((m) => !WEAK_MEASURES.has(m) && !RATE.has(m) && !cues.inCorpus(m))) {
    for (const f of figures) {
      const count = byId(f, f.per)
      // The question names the figure ("output", "yuan") and what it counts ("the 14 industries").
      if (!count || !asked(f) || !(asked(count) || u.words.includes(String(count.value)))) continue
      const n = Number(count.value)
      const each = Number(f.value)
      const converted = figures.find((g) => byId(g, g.sameAs) === f)
      const alsoIn = converted ? ` (about ${amount(n * Number(converted.value), converted.unit)})` : ''
      const text = `${capitalize(f.text ?? amount(each, f.unit))}: ${n} × ${amount(each, f.unit)} = ${amount(n * each, f.unit)} in all${alsoIn}.`
      return { kind: 'answer', segments: [{ text, facts: [f, count, ...(converted ? [converted] : [])] }], anchored: true }
    }
  }
  // "How many yuan equal one US dollar?" asks for the rate too.
  if (u.words.some((w) => RATE.has(w)) || /\bhow (?:many|much)\b.*\b(?:one|1|a|each|every|single)\b/.test(u.words.join(' '))) {
    // "What exchange rate does the article imply?" names both currencies at once ("… between the yuan and the euro?" does not,
    // and "What exchange-rate date was used …?" asks for a date).
    const exchange =
      u.words.some((w, i) => w === 'exchange' && RATE.has(u.words[i + 1] ?? '')) && u.words.some((w) => OF_THE_ARTICLE.has(w)) && !u.words.some((w) => OTHER_CURRENCIES.has(w) || w === 'date' || w === 'when')
    for (const f of figures) {
      const base = byId(f, f.sameAs)
      // "What yuan-to-dollar rate …?", "how many yuan per US dollar": both units are named.
      if (!base || !((asked(f) && asked(base)) || exchange)) continue
      const rate = Number(base.value) / Number(f.value)
      const text = `${capitalize(f.text ?? amount(Number(f.value), f.unit))}: about ${round(rate)} ${base.unit} per ${singular(f.unit)} (${amount(Number(base.value), base.unit)} ÷ ${amount(Number(f.value), f.unit)}).`
      return { kind: 'answer', segments: [{ text, facts: [f, base] }], anchored: true }
    }
  }
  return undefined
}

/** The scales an amount is written in, largest first: "1.4 trillion", "14.12 billion" (not "14 thousand"). */
const LARGE_SCALES = Object.entries(SCALES)
  .filter(([, size]) => size >= 1e6)
  .sort((a, b) => b[1] - a[1])

/** "1.4 trillion yuan", "197.68 billion US dollars", "14 industries". */
export function amount(value: number, unit = ''): string {
  const [word, size] = LARGE_SCALES.find(([, size]) => Math.abs(value) >= size) ?? ['', 1]
  return [round(value / size), word, unit].filter(Boolean).join(' ')
}

/** At most two decimals, without trailing zeros: 7.08, 1.4, 14. */
const round = (n: number) => String(Math.round(n * 100) / 100)

const singular = (unit = '') => unit.replace(/s$/, '')
