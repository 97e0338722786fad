import { isStopword, stem, words as wordsOf } from '../../core/text.js'
import { capitalize, countWord, numberOf, SCALES, type Segment } from '../phrasing.js'
import type { ResolvedFact } from '../schema.js'
import { amount } from './arithmetic.js'
import type { Understanding } from '../understand.js'
import { asksWhichOrganization, unique, WEAK_MEASURES, type EngineResult, type Lookup } from './context.js'


/** Parts of a date finer than a year. */
const DATE_UNITS = new Set(['month', 'date', 'day'])

/** Numbers written as words ("fourteen industries"). */
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion)$/

const stemsOfMeasure = new Map<string, { parts: string[]; whole: string }>()

/** A measure phrase's stemmed words, and the stem of the whole phrase; computed once per phrase of the facts. */
function measureStems(measure: string): { parts: string[]; whole: string } {
  let found = stemsOfMeasure.get(measure)
  if (!found) {
    if (stemsOfMeasure.size >= 10_000) stemsOfMeasure.clear()
    found = { parts: measure.split(/\s+/).map((w) => stem(w.toLowerCase())), whole: stem(measure.toLowerCase()) }
    stemsOfMeasure.set(measure, found)
  }
  return found
}

/** Figures ("14 industries", "100 billion yuan") and refusals for figures the text doesn't give. */
export function figures({ graph, cues, u, specific, planWord }: Lookup): EngineResult | undefined {
  // "Which department released the 2020 blueprints?": a year or an amount in a who-question is not what it asks.
  if (u.intent === 'who' || asksWhichOrganization(u)) return undefined
  // "What is the point of the 100-billion-yuan sectors?" asks why: the goal lookup's (a claimed figure is still corrected);
  // "What annual output value do they aim to top?" asks for a figure all the same.
  if (u.intent === 'why' && !u.words.some((w, i) => w === 'what' && u.words.slice(i + 1, i + 4).some((x) => u.measures.includes(x)))) return undefined
  // "How many measures does the plan list for coking?" counts plans, which the plans lookup does.
  if (u.intent === 'count' && specific.length && planWord && !u.measures.some((m) => !WEAK_MEASURES.has(m) && !cues.planCues.has(stem(m)))) return undefined
  // "When was the department founded?": the only date is the blueprints' year.
  if (u.intent === 'when' && u.mentions.some((m) => m.entities.some((e) => e.type !== 'blueprint' && e.type !== 'province'))) return { kind: 'refuse', reason: 'when' }
  // "In which month were they released?": a date finer than any the facts give.
  const dateUnit = u.intent === 'when' ? u.words.find((w) => DATE_UNITS.has(w)) : undefined
  if (dateUnit && !graph.facts.some((f) => f.relation === 'figure' && f.unit === dateUnit)) return { kind: 'refuse', reason: 'when' }
  const words = new Set(u.words.map(stem))
  const counting = u.intent === 'count' || u.intent === 'quantity' || u.intent === 'when'
  // Without "how many"/"how much", a type word ("industries") alone does not ask for a figure.
  const asks = (m: string) => {
    const { parts, whole } = measureStems(m)
    // "Every city … when describing clusters": a "when" that asks nothing asks for no date.
    if (whole === 'when' && u.intent !== 'when') return false
    return parts.every((w) => words.has(w)) && (counting || !cues.typeWords.has(whole))
  }
  const matched = graph.facts.filter((f) => f.relation === 'figure' && (f.measure ?? []).some(asks))
  // "How much does each industry have to make in a year?" asks for an amount, not how many industries there are.
  const amounts = u.intent === 'quantity' ? matched.filter((f) => f.unit !== 'year' && !cues.typeWords.has(stem(f.unit ?? ''))) : []
  const found = amounts.length ? amounts : matched
  // "How many times does Lyuliang come up?" counts what a thing is linked to: the links lookup's.
  if (u.intent === 'count' && u.words.includes('times') && specific.length && !found.length) return undefined
  // "… the output target for Shanxi's coal mining industry": a figure of a kind of thing the documents never name.
  const ofUnknown = u.words.some(
    (w, i) => cues.typeWords.has(stem(u.words[i + 1] ?? '')) && /^[a-z]+$/.test(w) && !NUMBER_WORD.test(w) && !isStopword(w) && !cues.generic.has(stem(w)) && !cues.inCorpus(w),
  )
  if (found.length && ofUnknown) return { kind: 'refuse', reason: 'figure' }
  // "Which of the 14 industries has the largest output value?": the figures are the plan's, not one per industry to rank.
  // ("… which released the blueprints, how many industries will top 100 billion yuan?": "top" before an amount is no superlative.)
  if (found.length && u.words.includes('which') && u.words.some((w, i) => SUPERLATIVES.has(w) && !/^\d/.test(u.words[i + 1] ?? '')) && found.every((f) => graph.subjectOf(f).type === 'blueprint')) return { kind: 'refuse', reason: 'figure' }
  const foreign = u.measures.some((m) => !WEAK_MEASURES.has(m) && !cues.inCorpus(m))
  if (!counting && !foreign && !found.length) return undefined
  // "How many workers do those clusters employ?" counts something the documents never give.
  if (u.intent === 'count' && foreign) return { kind: 'refuse', reason: 'figure' }
  if (u.intent === 'count' && u.targetType && (specific.length || !found.length)) return undefined
  if (u.intent === 'count' && u.named && u.targetType) return undefined
  if (found.length && !specific.length) {
    const best = found.filter((f) => (f.measure ?? []).some((m) => words.has(stem(m.toLowerCase())) && stem(m) !== 'when'))
    const chosen = u.intent === 'when' ? found.filter((f) => f.unit === 'year') : best.length ? best : found
    if (!chosen.length) return { kind: 'refuse', reason: 'figure' }
    // "Which year do the output targets apply to?": the other figures named are what the year is of.
    const covered = new Set((u.intent === 'when' ? found : chosen).flatMap((f) => (f.measure ?? []).flatMap((m) => wordsOf(m)).map(stem)))
    if (u.measures.some((m) => !WEAK_MEASURES.has(m) && !covered.has(stem(m)))) return { kind: 'refuse', reason: 'figure' }
    const anchored = u.measures.some((m) => !WEAK_MEASURES.has(m) && covered.has(stem(m)))
    return { kind: 'answer', segments: chosen.map((f) => ({ text: `${capitalize(f.text ?? String(f.value))}.`, facts: [f] })), anchored }
  }
  // A figure the facts give for the whole document, asked about one entity ("output value of the Wenxi park"): not given.
  const askedOfEntity = found.some((f) => (f.measure ?? []).some((m) => !WEAK_MEASURES.has(m) && u.measures.includes(m)))
  // …unless a plan is asked for ("How does the province intend to deal with excess output capacity among coke producers?").
  // ("What annual output value target does the plan set for the vinegar sector?" asks for the figure all the same.)
  const figureAsked = u.words.some((w, i) => (w === 'what' || w === 'which') && u.words.slice(i + 1, i + 4).some((x) => u.measures.includes(x)))
  if (specific.length && askedOfEntity && !(u.intent === 'what' && planWord && !figureAsked)) return { kind: 'refuse', reason: 'figure' }
  if (u.intent === 'when' && !found.length && !u.measures.length) return undefined
  // "What is planned about surplus capacity in coke production?": no figure fits, but a plan is asked for.
  if (!found.length && !foreign && specific.length && u.intent !== 'count' && planWord) return undefined
  return counting || foreign ? { kind: 'refuse', reason: 'figure' } : undefined
}

const SUPERLATIVES = new Set(['largest', 'highest', 'biggest', 'greatest', 'smallest', 'lowest', 'most', 'least', 'top'])

/** Words before a number that make it refer to things already named ("those two industries"). */
const REFERRING = new Set(['those', 'these', 'both', 'which', 'first', 'last', 'other'])


/**
 * A figure the question states at word `i`: "15 industries", "seven industries", "200 billion yuan",
 * or the year of a document it names ("Shanxi's 2021 industrial blueprint"), as value, unit word, and as written.
 */
export function claimAt({ words, mentions }: Pick<Understanding, 'words' | 'mentions'>, i: number): { value: number; unit: string | undefined; written: string } | undefined {
  const number = numberOf(words[i]!)
  // "Of those two industries, …": a reference to things named earlier, not a claim.
  if (number === undefined || REFERRING.has(words[i - 1] ?? '')) return undefined
  // (The document's name may take the year in: "2021 blueprints" is one mention.)
  // ("The blueprint covers industrial development in 2021": the year may also follow the document's name.)
  // ("Shanxi's 2021 plan", "Shanxi's plan for 2021": the document by a common name.)
  const ofDocument =
    mentions.some((m) => m.from >= i - 6 && m.from <= i + 3 && m.entities.some((e) => e.type === 'blueprint')) || [i + 1, i + 2, i - 1, i - 2, i - 3].some((j) => /^(?:plans?|blueprints?)$/.test(words[j] ?? ''))
  if (/^(?:19|20)\d\d$/.test(words[i]!) && ofDocument) return { value: number, unit: 'year', written: words[i]! }
  const scale = SCALES[words[i + 1] ?? '']
  return scale
    ? { value: number * scale, unit: unitAt(words, i + 2), written: words.slice(i, i + 3).join(' ') }
    : { value: number, unit: unitAt(words, i + 1), written: number >= 1e6 ? amount(number, words[i + 1]) : String(number) }
}

/** The unit word at `j`, with the ways of writing dollars made one: "US dollar", "usd", "dollar" → "dollars". */
function unitAt(words: readonly string[], j: number): string | undefined {
  const word = words[j]
  if (word === 'us' && /^dollars?$/.test(words[j + 1] ?? '')) return 'dollars'
  return word === 'dollar' || word === 'usd' ? 'dollars' : word
}

/** True when a figure's unit is the claimed unit word: "US dollars" is in "dollars". */
const inUnit = (f: ResolvedFact, unit: string | undefined) => unit !== undefined && f.unit !== undefined && f.unit.toLowerCase().split(' ').at(-1) === unit

/** The figure of the facts in the unit a claim uses, when it states a different value. */
const contradicted = (graph: Lookup['graph'], claim: { value: number; unit: string | undefined }) =>
  graph.facts.find((f) => f.relation === 'figure' && typeof f.value === 'number' && inUnit(f, claim.unit) && f.value !== claim.value)

/** True when the question states a figure at word `i` in a unit the facts have a figure in ("200 billion yuan"): a claim to check, not an unknown number. */
export const claimsFigure = (graph: Lookup['graph'], u: Pick<Understanding, 'words' | 'mentions'>, i: number): boolean => {
  const claim = claimAt(u, i)
  return claim !== undefined && graph.facts.some((f) => f.relation === 'figure' && inUnit(f, claim.unit))
}

/**
 * "Why did Shanxi choose 15 industries …?": a count or an amount the question claims ("15 industries",
 * "200 billion yuan") that a figure of the facts states differently, corrected with that figure
 * ("… cover 14 industries, not 15.").
 *
 * @example countCorrection(lookup) // { text: "Shanxi's blueprints cover 14 industries, not 15.", facts: [figure] }
 */
export function countCorrection({ graph, cues, u }: Lookup): Segment | undefined {
  // "Shanxi's 2021 blueprints … the four traditional industries": every wrong figure is corrected.
  const found: Segment[] = []
  // (A yes/no question may end with the figure it claims, "Is this Shanxi's plan for 2021?"; "What were the targets for 2021?" asks about 2021.)
  for (let i = 0; i < u.words.length - (u.intent === 'yesno' ? 0 : 1); i++) {
    const claim = claimAt(u, i)
    if (!claim) continue
    const fact = contradicted(graph, claim)
    if (fact) {
      found.push({ text: `${capitalize(fact.text ?? `${String(fact.value)} ${fact.unit}`)}, not ${claim.written}.`, facts: [fact] })
      continue
    }
    // "Seven strategic emerging industries get top priority": a group whose total the facts state.
    // ("seven old traditional industries": generic words may stand between.)
    const next = u.mentions.find((m) => m.from > i && m.from <= i + 3 && u.words.slice(i + 1, m.from).every((w) => !isStopword(w) && cues.generic.has(stem(w))))
    const group = next?.entities.find((e) => graph.about(e).some((f) => f.relation === 'total'))
    const total = group && graph.about(group).find((f) => f.relation === 'total')
    if (group && total && Number(total.value) !== claim.value) found.push({ text: `There are ${countWord(Number(total.value))} ${group.name}, not ${claim.value}.`, facts: [total] })
  }
  const no = u.intent === 'yesno' ? 'No. ' : ''
  return found.length ? { text: no + found.map((s) => s.text).join(' '), facts: unique(found.flatMap((s) => s.facts)) } : undefined
}
