import { stem } from '../core/text.js'
import type { FactGraph, Mention } from './graph.js'
import type { Lexicon } from './lexicon.js'
import { isPlaceType } from './lookup/context.js'

export type Intent = 'count' | 'quantity' | 'list' | 'where' | 'who' | 'when' | 'why' | 'yesno' | 'what'

export interface Understanding {
  intent: Intent
  words: string[]
  mentions: Mention[]
  /** Entity type asked for ("city" in "which cities …"), from words outside mentions. */
  targetType?: string | undefined
  /** True when the question explicitly asks for that type ("which cities", "where"). */
  typeAsked: boolean
  /** Every entity type named outside mentions, in order ("city", then "cluster"). */
  types: string[]
  /** Relations cued by words outside mentions ("plan", "located-in" …). */
  relations: Set<string>
  /** Quantity words ("investment", "output") that ask for a figure. */
  measures: string[]
  /** Rank answers by how many entities of a second type they link to: the most, two or more, exactly one. */
  rank?: 'most' | 'multiple' | 'single' | undefined
  /** The type a count-rank names ("in just one city", "in two or more cities"): the kind that is counted. */
  rankType?: string | undefined
  /** "Which has more …, A or B?": compare the mentioned entities. */
  compare: boolean
  /** "What is this article about?", "summarize": asks for the gist, not a fact. */
  overview: boolean
  /** "across", "altogether", "either": unite what several mentions link to rather than intersect. */
  union: boolean
  /** "Do A and B share …?", "in common": what the mentioned entities have in common. */
  share: boolean
  /** "both … and …": intersect instead of unite. */
  both: boolean
  /** "name", "named", "mentioned": the question asks what the text lists. */
  named: boolean
  /** Numbers written in the question. */
  numbers: string[]
  /** Position of "not" ("… are not located in Lyuliang"), or -1. */
  not: number
}

/** Words that ask for every member of what follows them ("every strategic emerging industry", "all the cities"). */
const EVERY = new Set(['every', 'all', 'each'])
/** Words that ask for members by way of examples ("examples of traditional leading industries"). */
const EXAMPLES = new Set(['examples', 'example', 'instances'])
const WH_WORDS = new Set(['which', 'what', 'many', 'list', 'name', 'all', 'every'])
/** Words ending in "s" that are not plural nouns ("how much does …"). */
const NOT_PLURAL = new Set(['does', 'is', 'was', 'has', 'this', 'its', 'us', 'as', 'yes', 'plus', 'less', 'dollars', 'billions', 'millions'])
/** Last words that turn a statement into a yes/no question ("…, right?"). */
/** Places in a list: "the fifth traditional industry". */
const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'last'])

const QUESTION_WORDS = new Set(['which', 'what', 'where', 'who', 'whom', 'whose', 'how', 'when', 'why'])
const TAG_QUESTION = new Set(['right', 'correct', 'true', 'yes', 'no', 'accurate', 'yeah', 'eh'])
const STATEMENT_CHECK = /^(?:(?:reply|answer|respond) (?:with )?)?(?:true or false|right or wrong|fact check|yes no)\b|\b(?:yes or no|yes no)\b|\btrue or false$/
/** "Can you explain …?": a request put as a question, not a yes/no question. */
const REQUEST = /^ (?:can|could|will|would) you (?:please )?(?:explain|tell|list|give|name|describe|summari[sz]e|show|say|walk)\b/

const YES_NO = new Set(['is', 'are', 'does', 'do', 'did', 'can', 'will', 'has', 'have', 'was', 'were', 'should'])

/** Cue phrases, padded with spaces so that they match whole words of the padded question. */
const cues = (...phrases: string[]): readonly string[] => phrases.map((p) => ` ${p} `)

const RANK_SINGLE = cues('only one', 'just one', 'a single', 'single', 'exactly one', 'one city only', 'only in one')
/** Adjectives that may stand between a question word and the type it asks for ("how many different cities"). */
const SORTING = new Set(['different', 'distinct', 'separate', 'unique', 'individual', 'other', 'two', 'three', 'four', 'five'])
/** Words after "not" that hedge instead of negating ("not sure if …", "don't know whether …"). */
const HEDGED = new Set(['sure', 'certain', 'clear', 'positive', 'confident', 'know', 'being', 'too', 'any', 'really', 'much'])

/** Nouns for a few of something, between a question word and the type: "which pair of cities". */
const COLLECTIVES = new Set(['pair', 'couple', 'set', 'group', 'handful', 'trio', 'kinds', 'types', 'sorts'])
/** Words that count the type word after them in a rank ("just one city", "several cities"). */
const COUNT_BEFORE_TYPE = new Set(['one', 'single', 'two', 'multiple', 'several', 'different'])
const RANK_MOST = cues('most', 'largest number', 'greatest number', 'most often')
const RANK_MULTIPLE = cues('more than one', 'more than once', 'twice', 'multiple', 'several', 'two or more', 'at least two', 'two different', 'two types', 'two kinds', 'repeatedly')
const COMPARE = cues('more', 'fewer', 'less', 'compare', 'compared', 'versus', 'vs')
const OVERVIEW = cues('about', 'summary', 'summarize', 'summarise', 'overview', 'gist', 'main points', 'main point', 'tldr', 'tl dr', 'headline', 'main target', 'key target', 'takeaway', 'takeaways')
const UNION = cues('across', 'altogether', 'combined', 'in total', 'overall', 'either', 'or', 'all of', 'counting', 'together', 'taken together', 'no repeat', 'no repeats', 'no duplicates', 'without repeats', 'without duplicates', 'full list', 'complete list', 'every city', 'all cities', 'all the cities', 'every place', 'and for')
const SHARE = cues('share', 'shared', 'common', 'both have', 'both host', 'same', 'paired', 'paired with', 'partnered with', 'together with')
const BOTH = cues('both')
const NAMED = cues('name', 'names', 'named', 'mention', 'mentioned', 'mentions', 'listed', 'list', 'identified', 'specified', 'specify', 'point out', 'points out', 'pointed out', 'single out', 'singles out', 'singled out')

/** Words after which "when" asks a question ("and when …?"), and words that follow a "when" that asks one ("when will …?"). */
const BEFORE_WHEN = new Set(['and', 'so', 'but', 'then', 'exactly', 'ok', 'okay'])
const AFTER_WHEN = new Set(['is', 'are', 'was', 'were', 'will', 'do', 'does', 'did', 'would', 'should', 'can', 'could', 'has', 'have', 'must', 'shall'])

/** "When will …?", "… and when?": "when" asks; "the output bar when converted into US dollars" does not. */
const asksWhen = (word: string, i: number, words: readonly string[]): boolean =>
  word === 'when' && (i <= 1 || i === words.length - 1 || BEFORE_WHEN.has(words[i - 1]!) || AFTER_WHEN.has(words[i + 1]!))

/** Intent cues in the order they are tried; the first that matches decides. */
const INTENTS: ReadonlyArray<[Intent, readonly string[]]> = [
  ['count', cues('how many', 'number of', 'count')],
  ['quantity', cues('how much', 'how large', 'how big', 'what amount')],
  ['why', cues('why', 'goal', 'goals')],
  ['when', cues('what year', 'which year', 'what month', 'which month', 'what date', 'which date', 'what day', 'which day', 'target year', 'deadline', 'by when', 'completion date', 'due date')],
  ['where', cues('where', 'located in')],
  ['who', cues('who', 'which department')],
  ['list', cues('which', 'list', 'name the', 'name every', 'name all', 'name each', 'what are', 'enumerate')],
]

/**
 * Reads intent, target type, relation cues and entity mentions from a normalized question.
 * Everything but the intent words comes from the lexicon and the facts, so it generalises to any
 * document that has a facts file.
 */
export function understand(words: string[], graph: FactGraph, lexicon: Lexicon, compounds: ReadonlySet<string> = new Set()): Understanding {
  const mentions = graph.mentions(words)
  const covered = new Set(mentions.flatMap((m) => range(m.from, m.to)))
  const free = words.map((w, i) => (covered.has(i) ? '' : w))
  const text = ` ${words.join(' ')} `
  const has = (padded: readonly string[]) => padded.some((p) => text.includes(p))

  // "industry chain", "industry base": a type word inside a compound the documents use is not a type asked for.
  // The same for the last word of a longer type phrase: "what kind of industry base" asks for no category.
  const phraseHits = findPhrases(free, lexicon.types).filter((h) => !compounds.has(`${free[h.at + h.len - 1]} ${free[h.at + h.len] ?? ''}`))
  // "How many categories of building materials clusters": a category word before "of" and another type only sorts it, as "kinds of" does.
  const typeHits = phraseHits.filter((h) => !(h.key === 'category' && free[h.at + h.len] === 'of' && phraseHits.some((o) => o.at > h.at)))
  // "which cities", "list the cities", "name all parks"; but "the province" in "what does the province plan" is a subject.
  // "how many different cities": an adjective between the question word and the type.
  // "which pair of cities": a collective noun and "of" between them.
  const before = (at: number) =>
    (SORTING.has(words[at - 1] ?? '') ? words[at - 2] : words[at - 1] === 'of' && COLLECTIVES.has(words[at - 2] ?? '') ? words[at - 3] : words[at - 1]) ?? ''
  // "which building materials cluster types": a name between the question word and the type.
  const afterNamed = (at: number) => mentions.some((m) => m.to === at && WH_WORDS.has(words[m.from - 1] ?? ''))
  // A type right after a question word wins over "all …" and "the …s" elsewhere ("Across all sectors, what industries …", "the hubs …, which cities …").
  const asked =
    typeHits.find((h) => WH_WORDS.has(before(h.at)) && !EVERY.has(before(h.at))) ??
    typeHits.find((h) => EVERY.has(before(h.at)) || afterNamed(h.at) || (words[h.at - 1] === 'the' && singular(words[h.at]!) !== words[h.at])) ??
    // "Cities chosen for the refractory clay cluster upgrade?": shorthand that opens with the kind it asks for, in the plural
    // ("Parks named?" only asks whether there are any).
    typeHits.find((h) => h.at === 0 && singular(words[0]!) !== words[0] && !['named', 'mentioned', 'listed'].includes(words[h.len] ?? ''))
  const relations = new Set(findPhrases(free, lexicon.relations).map((h) => h.key))
  const isMeasure = measureTest(lexicon)
  const measures = free.filter((w) => w && isMeasure(w))

  const startsNameOrType = (at: number) => mentions.some((m) => m.from === at) || typeHits.some((h) => h.at === at)
  // ("Which single city has the most clusters?": the most, of one city.)
  const rank = has(RANK_MOST) ? 'most' : has(RANK_SINGLE) ? 'single' : has(RANK_MULTIPLE) ? 'multiple' : undefined
  // "…, right?", "…, correct?": a statement put as a yes/no question.
  // "True or false: …", "Yes or no: …", "… Yes or no.": a statement to check, whatever else it contains.
  // ("The carbon clusters are located in Jinzhong and Datong, right?": a tag after a statement checks it, whatever cue it contains.)
  const tagged = TAG_QUESTION.has(words.at(-1) ?? '') && !['yes', 'no'].includes(words.at(-1)!) && !QUESTION_WORDS.has(words[0] ?? '') && !words.includes('or')
  const checked = STATEMENT_CHECK.test(words.join(' ')) || tagged
  // ("What's the name of the steel park located in Wenxi?": "located in" before what it names gives the place; it asks what.)
  const locatedAt = words.findIndex((w, i) => w === 'located' && words[i + 1] === 'in')
  // (A city there is still asked about: "Which kaolin clusters are located in Datong?")
  const placeGiven =
    locatedAt >= 0 && !words.includes('where') && ['what', 'which'].includes(words[0] ?? '') && mentions.some((m) => m.from === locatedAt + 2 && !m.entities.some((e) => isPlaceType(e.type)))
  // ("Where are the traditional industries heading?": a direction, not a place, for things the documents place nowhere.)
  const placed = mentions.some((m) => m.entities.some((e) => graph.about(e).some((f) => f.relation === 'located-in')))
  const heading = words.includes('where') && /^(?:go|going|head|heading|headed)$/.test(words.at(-1) ?? '') && !placed
  const cued = checked
    ? 'yesno'
    : (INTENTS.find(([intent, phrases]) => (has(phrases) && !(intent === 'where' && (placeGiven || heading))) || (intent === 'when' && words.some(asksWhen)))?.[0] ??
        ((YES_NO.has(words[0] ?? '') && !REQUEST.test(text)) || TAG_QUESTION.has(words.at(-1) ?? '') ? 'yesno' : 'what'))
  // "Which city has the largest number of clusters?" asks which, not how many; "how much industries" asks how many.
  const much = words.indexOf('much')
  // "emerging industries top priority number": keywords ending in what to count.
  const counted = cued === 'what' && ['number', 'count'].includes(words.at(-1) ?? '') && !words.includes('what')
  // "Give me every strategic emerging industry …": "every" or "all" before a name or a type lists them.
  // "What examples of traditional leading industries …": the same.
  // "What traditional leading industries does the plan mention?": "what" before a group named in the plural, as "which" is.
  const groupAfter = (at: number) => mentions.some((m) => m.from === at && m.entities.some((e) => graph.pointingAt(e).some((f) => f.relation === 'member-of')) && /s$/.test(words[m.to - 1]!))
  // "What's the fifth traditional industry?": one of a group's members by its place in the list, among the members listed.
  const ordinalOfGroup = words.some((w, i) => ORDINAL_WORDS.has(w) && mentions.some((m) => m.from === i + 1 && m.entities.some((e) => graph.pointingAt(e).some((f) => f.relation === 'member-of'))))
  const listed =
    ordinalOfGroup ||
    cued === 'what' &&
    words.some((w, i) => (EVERY.has(w) && startsNameOrType(i + (words[i + 1] === 'the' ? 2 : 1))) || (EXAMPLES.has(w) && words[i + 1] === 'of' && startsNameOrType(i + 2)) || (w === 'what' && groupAfter(i + 1)))
  const intent =
    counted
      ? 'count'
      : listed
      ? 'list'
      : cued === 'count' && rank === 'most' && words.includes('which')
      ? 'list'
      : cued === 'quantity' && words[much - 1] === 'how' && words.slice(much + 1, much + 4).some((w) => /s$/.test(w) && !NOT_PLURAL.has(w) && !isMeasure(w))
        ? 'count'
        : cued
  return {
    intent: intent === 'what' && asksFigure(words, isMeasure) ? 'quantity' : intent,
    words,
    mentions,
    // "cluster cities": of two type words in a row, the second is the one asked for.
    targetType: (asked ?? typeHits.find((h) => intent === 'where' && (h.key === 'city' || h.key === 'region')) ?? typeHits.find((h, i) => i > 0 && typeHits[i - 1]!.at + typeHits[i - 1]!.len === h.at) ?? typeHits[0])?.key,
    types: [...new Set(typeHits.map((h) => h.key))],
    typeAsked: Boolean(asked) || intent === 'where',
    relations,
    measures,
    rank,
    rankType: rank && rank !== 'most' ? typeHits.find((h) => COUNT_BEFORE_TYPE.has(words[h.at - 1] ?? ''))?.key : undefined,
    compare: has(COMPARE),
    overview: mentions.every((m) => m.entities.every((e) => e.type === 'blueprint' || e.type === 'province')) && has(OVERVIEW),
    // "across the whole article" scopes the question to the document; it unites nothing.
    union: UNION.some((p) => text.replace(/ across (?:the )?(?:whole |entire )?(?:article|document|text|blueprints?|plans?|province) /g, ' ').includes(p)),
    share: has(SHARE),
    // "Counting both the metals and the building-materials clusters" unites them.
    both: has(BOTH) && !/ (?:counting|across|including|combining|combined|from|in) both /.test(text),
    named: has(NAMED),
    numbers: words.filter((w) => /^\d/.test(w)),
    // "not sure if this is even covered" hedges; it negates nothing asked.
    // ("… but for no building materials cluster", "… but to none of the building-supply clusters": what it excludes follows.)
    not: words.findIndex(
      (w, i) =>
        (w === 'not' || (w === 't' && /^(?:aren|isn|don|doesn|won)$/.test(words[i - 1] ?? '')) || (w === 'no' && mentions.some((m) => m.from === i + 1)) || (w === 'none' && words[i + 1] === 'of')) &&
        !HEDGED.has(words[i + 1] ?? ''),
    ),
  }
}

/** "What is the capacity of …", "what's the budget": a figure asked for with a plain "what". */
function asksFigure(words: string[], isMeasure: (word: string) => boolean): boolean {
  const m = /^what (?:s |is |was |are |were |will be )(.*?)(?: of | for | in | to | about | does | do | will |$)/.exec(words.join(' '))
  return Boolean(m && m[1]!.split(' ').some(isMeasure))
}

/** Phrases of a `{ key: phrases[] }` table found among the free words, in order of position. */
function findPhrases(free: string[], table: Record<string, string[]>): Array<{ key: string; at: number; len: number }> {
  const hits: Array<{ key: string; at: number; len: number }> = []
  const stems = free.map((w) => (w ? singular(w) : ''))
  const byFirstWord = phraseIndex(table)
  stems.forEach((first, i) => {
    for (const [key, p] of byFirstWord.get(first) ?? []) {
      if (i + p.length <= stems.length && p.every((w, j) => stems[i + j] === w)) hits.push({ key, at: i, len: p.length })
    }
  })
  return hits.sort((a, b) => a.at - b.at || b.len - a.len)
}

const indexes = new WeakMap<Record<string, string[]>, Map<string, Array<[string, string[]]>>>()

/** `[key, singular words]` per phrase of a lexicon table, by first word, in table order; built once per table. */
function phraseIndex(table: Record<string, string[]>): Map<string, Array<[string, string[]]>> {
  let index = indexes.get(table)
  if (!index) {
    index = new Map()
    for (const [key, phrases] of Object.entries(table)) {
      for (const phrase of phrases) {
        const words = phrase.toLowerCase().split(/\s+/).map(singular)
        const list = index.get(words[0]!)
        if (list) list.push([key, words])
        else index.set(words[0]!, [[key, words]])
      }
    }
    indexes.set(table, index)
  }
  return index
}

const measureTests = new WeakMap<Lexicon, (word: string) => boolean>()

/**
 * Whether a word is one of the lexicon's measure words, or one inflected ("outputs", "invested") that
 * is neither a generic word nor derived into another word sharing its stem ("important", "importance"
 * are not "imports"); made once per lexicon.
 */
function measureTest(lexicon: Lexicon): (word: string) => boolean {
  let test = measureTests.get(lexicon)
  if (!test) {
    const longest = new Map<string, number>()
    for (const m of lexicon.measures) longest.set(stem(m), Math.max(longest.get(stem(m)) ?? 0, m.length))
    const exact = new Set(lexicon.measures)
    const generic = new Set(lexicon.generic)
    test = (word) => exact.has(word) || (!generic.has(word) && word.length <= (longest.get(stem(word)) ?? -Infinity) + 2)
    measureTests.set(lexicon, test)
  }
  return test
}

/** Plural to singular only (cities → city), so "industrial" never reads as "industry". */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (/(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)
