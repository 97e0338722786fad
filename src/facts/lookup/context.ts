import { stem } from '../../core/text.js'
import type { FactGraph, GraphEntity } from '../graph.js'
import { nameOf, type Segment } from '../phrasing.js'
import type { Understanding } from '../understand.js'

export type EngineResult =
  /**
   * `anchored`: the answer rests on what the question explicitly names (an entity with the type or
   * relation asked for, a matched figure, a stated total), so it stands even if other words are unknown.
   */
  | {
      kind: 'answer'
      segments: Segment[]
      anchored?: boolean
      /** Stands with one unknown word, not more ("will" alone asks for plans only weakly). */
      weaklyAnchored?: boolean
      /** The segments say the documents don't answer what was asked, and cite what they do say ("names no city for it"). */
      unanswered?: boolean
      /** The segments only correct what the question claims ("for 2020, not 2021"); what it asks is still to be answered. */
      correctionOnly?: boolean
    }
  | { kind: 'refuse'; reason: string }
  | { kind: 'none' }

/** Entity types that describe the document itself (the blueprint, its province, its publisher). */
export const CONTEXT_TYPES = new Set(['blueprint', 'province', 'organization', 'region'])

/** Words that set a named thing aside from what is asked ("what else besides the base", "apart from Taiyuan's"). */
/** A city or a region: the types a place may have. */
export const isPlaceType = (type: string): boolean => type === 'city' || type === 'region'

/**
 * A what-question, also "what are … supposed to / going to …", which is otherwise read as asking for a list: with a
 * plan word ("What are the traditional industries supposed to do?") it asks for plans, not members.
 */
export const asksWhat = (u: Understanding): boolean =>
  u.intent === 'what' ||
  (u.intent === 'list' && u.words[0] === 'what' && u.words[1] === 'are' && (u.words.some((w, i) => ABOUT_TO.has(w) && u.words[i + 1] === 'to') || u.words.slice(2, 5).some((w) => THINGS.has(w))))

const ABOUT_TO = new Set(['supposed', 'going', 'expected', 'meant', 'set', 'planned', 'due'])

/** "What are the three things … to become?": things asked for are not the members of a group. */
const THINGS = new Set(['things', 'steps', 'ways', 'directions', 'qualities', 'traits', 'aims'])

/** "Which provincial department overseeing industry … is the source?": "which" then the organization, named loosely. */
export function asksWhichOrganization(u: Understanding): boolean {
  const which = u.words.indexOf('which')
  return which >= 0 && u.mentions.some((m) => m.from > which && m.from <= which + 2 && m.entities.some((e) => e.type === 'organization'))
}

/** The relations that make one thing a member or a part of another ("coking" of the traditional industries, a cluster of an industry). */
export const MEMBERSHIP: ReadonlySet<string> = new Set(['part-of', 'member-of'])

/** Where a question asks whether something is a member ("one of the nine …", "among the …"), or -1. */
export const membershipAt = (words: readonly string[]): number => words.findIndex((w, i) => (w === 'one' && words[i + 1] === 'of') || w === 'among')

/** Words that ask for several things together: "combined", "in total", "plus". */
export const TOGETHER: ReadonlySet<string> = new Set(['combined', 'together', 'altogether', 'sum', 'total', 'add', 'plus'])

export const SETTING_ASIDE: ReadonlySet<string> = new Set(['else', 'besides', 'other', 'apart', 'except', 'excluding', 'aside', 'beyond'])

/** Word sets from the lexicon that the lookups need, built once. */
export interface Cues {
  /** Stems of words that carry no content ("tell", "which", type words). */
  generic: ReadonlySet<string>
  /** Stems of the words that name entity types ("cities", "industries"). */
  typeWords: ReadonlySet<string>
  /** Stems of words that ask who published the document, other than the bare "who". */
  publisherCues: ReadonlySet<string>
  /** Publisher cues of several words ("came from"), as folded text. */
  publisherPhrases: readonly string[]
  /** True when the word occurs in the documents (or names an entity). */
  inCorpus: (word: string) => boolean
  /** Stems of the words that ask for plans by themselves ("plan", "focus", "tackle"), not the auxiliaries ("will", "do"). */
  planCues: ReadonlySet<string>
  /** The lexicon's city names, folded: "taiyuan". */
  cities: ReadonlySet<string>
}

/** The cue sets of {@link Cues} as plain data (JSON), computed at ingest. */
export type CueWords = { [K in Exclude<keyof Cues, 'inCorpus'>]: string[] }

/** One question being answered: what was understood, and the entities it names. */
export interface Lookup {
  graph: FactGraph
  cues: Cues
  u: Understanding
  language: 'en' | 'zh'
  /** Mentioned entities, per mention, without document-level ones (the province, the blueprint). */
  specific: GraphEntity[][]
  /** A word of the question asks for plans by itself ("tackle", "focus"), not only "will" or "do". */
  planWord: boolean
}

/** "the coking industry", "the kaolin industrial clusters", "Xinzhou". */
export function describe(e: GraphEntity, language: 'en' | 'zh' = 'en'): string {
  const name = nameOf(e, language)
  if (e.type === 'industry' && !/industry|industries|manufacturing/.test(e.name)) return `the ${name} industry`
  return /^[A-Z]|^the /.test(e.name) ? name : `the ${name}`
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

/** Quantity words too vague to say which figure is meant. */
export const WEAK_MEASURES: ReadonlySet<string> = new Set(['number', 'numbers', 'total', 'totals', 'figure', 'figures', 'value', 'values', 'amount', 'amounts', 'size', 'sizes', 'worth'])

/** "Which traditional industry is getting a national green base?": a group right after "which", then what one of its members will do. */
export function picksByPlan(u: Understanding, cues: Cues): boolean {
  const which = u.words.indexOf('which')
  const group = u.mentions.find((m) => m.from === which + 1)
  if (which < 0 || !group || u.words.slice(group.to).some((w) => NAMING.has(w))) return false
  // ("Which light industry sectors will …" asks for the group's sectors; "… does the plan give as examples" asks no plan.)
  const acts = (w: string | undefined) => w !== undefined && (GETS.has(w) || (cues.planCues.has(stem(w)) && !/^plans?$/.test(w)))
  const [next, then] = [u.words[group.to], u.words[group.to + 1]]
  return acts(next) || ((next === 'is' || next === 'are') && acts(then))
}

/** Verbs of receiving or doing what a plan gives: "is getting a national base", "will resolve …". */
const GETS = new Set(['get', 'gets', 'getting', 'got', 'receive', 'receives', 'receiving', 'will'])

/** Words that ask for the members by name, not by a plan: "which traditional industries are named". */
const NAMING = new Set(['named', 'mentioned', 'listed', 'called', 'included'])
