import { stem, words } from '../core/text.js'
import type { FactGraph } from './graph.js'
import type { Lexicon } from './lexicon.js'
import { CONTEXT_TYPES, isPlaceType, type Cues, type CueWords, type EngineResult, type Lookup } from './lookup/context.js'
import { arithmetic } from './lookup/arithmetic.js'
import { fullName, goal, publisherCorrection, who } from './lookup/document.js'
import { countCorrection, figures } from './lookup/figures.js'
import { byType, choice, memberCorrection, occurrences, overlap, premiseCorrection, yesNo } from './lookup/links.js'
import { plans, reverse } from './lookup/plans.js'
import { totals } from './lookup/totals.js'
import type { Segment } from './phrasing.js'
import type { Understanding } from './understand.js'

export { CONTEXT_TYPES, type EngineResult } from './lookup/context.js'

/** Plan cues that are only auxiliaries: "What will the weather be like?" asks for no plan. */
const AUXILIARIES = new Set(['will', 'do', 'doing', 'done', 'go', 'going', 'head', 'heading', 'want', 'wants'])

/** The lookups in the order they are tried; the first that answers or refuses wins. */
const STEPS: ReadonlyArray<(lookup: Lookup) => EngineResult | undefined> = [arithmetic, totals, figures, who, goal, fullName, yesNo, choice, overlap, occurrences, reverse, byType, plans]

/**
 * Deterministic lookups over the fact graph: entity → attribute and back, lists, counts,
 * totals with partial lists, sums, superlatives and yes/no checks. Works for any facts file.
 *
 * @example
 * const engine = new FactsEngine(graph, lexicon)
 * engine.answer(understand(words, graph, lexicon), 'en') // { kind: 'answer', segments: [...] }
 */
export class FactsEngine {
  readonly #cues: Cues

  /** `cues`: {@link FactsEngine.cueWords} of the same lexicon, computed earlier (at ingest); derived here when absent. */
  constructor(
    readonly graph: FactGraph,
    lexicon: Lexicon,
    inCorpus: (word: string) => boolean = () => false,
    cues: CueWords = FactsEngine.cueWords(lexicon),
  ) {
    this.#cues = {
      generic: new Set(cues.generic),
      typeWords: new Set(cues.typeWords),
      publisherCues: new Set(cues.publisherCues),
      publisherPhrases: cues.publisherPhrases,
      inCorpus,
      planCues: new Set(cues.planCues),
      cities: new Set(cues.cities),
    }
  }

  /** The lexicon's cue words as the engine uses them (stemmed, split, filtered), as plain data. */
  static cueWords(lexicon: Lexicon): CueWords {
    const typeWords = Object.values(lexicon.types).flat()
    const unique = (list: string[]) => [...new Set(list)]
    return {
      generic: unique([...lexicon.generic, ...typeWords].flatMap((g) => words(g)).map(stem)),
      typeWords: unique(typeWords.map((w) => stem(w.toLowerCase()))),
      publisherCues: unique((lexicon.relations['published-by'] ?? []).filter((w) => w !== 'who' && !/\s/.test(w)).map(stem)),
      publisherPhrases: (lexicon.relations['published-by'] ?? []).filter((w) => /\s/.test(w)).map((w) => w.toLowerCase()),
      planCues: unique((lexicon.relations['plan'] ?? []).filter((w) => !AUXILIARIES.has(w)).map(stem)),
      cities: unique(lexicon.cities.map((c) => c.toLowerCase())),
    }
  }

  answer(u: Understanding, language: 'en' | 'zh'): EngineResult {
    const specific = u.mentions.map((m) => m.entities.filter((e) => !CONTEXT_TYPES.has(e.type))).filter((g) => g.length)
    const planWord = u.words.some((w) => this.#cues.planCues.has(stem(w)))
    const lookup: Lookup = { graph: this.graph, cues: this.#cues, u, language, specific, planWord }
    for (const step of STEPS) {
      const result = step(lookup)
      if (!result) continue
      if (result.kind === 'refuse' && result.reason === 'no link') return this.#corrected(lookup) ?? result
      if (result.kind !== 'answer') return result
      // A place or a count the question wrongly gives ("the kaolin clusters in Datong", "15 industries") is corrected first.
      const cited = new Set(result.segments.flatMap((s) => s.facts))
      // (A "No." stays even when the answer cites the same fact, "Are there 15 industries?"; so does the place a where-question
      // gets wrong, "Where are the aluminum clusters in Lyuliang and Jincheng?")
      const premise = premiseCorrection(lookup)
      const corrections = [premise, countCorrection(lookup), publisherCorrection(lookup)].filter(
        (c): c is Segment => c !== undefined && (c.text.startsWith('No.') || (c === premise && u.intent === 'where') || !c.facts.every((f) => cited.has(f))),
      )
      // (A member the question adds to a list is corrected even when the answer cites the list: it doesn't say what is missing.)
      const member = memberCorrection(lookup)
      if (member) corrections.push(member)
      if (!corrections.length) return result
      // A corrected claim answers the question that made it ("…, right?"), whatever else it says; what it says is not said twice.
      const corrected = new Set(corrections.flatMap((c) => c.facts))
      const rest = result.segments.filter((s) => !s.facts.length || !s.facts.every((f) => corrected.has(f)))
      return { ...result, segments: [...corrections, ...rest], anchored: true }
    }
    return this.#corrected(lookup) ?? { kind: 'none' }
  }

  /**
   * "Datong has a kaolin cluster: which other city shares it?", "What's in Shanxi's 2021 blueprints?":
   * nothing answers the question as put, but its premise is wrong.
   */
  #corrected(lookup: Lookup): EngineResult | undefined {
    const premise = premiseCorrection(lookup, true)
    if (premise) {
      // (What the correction already says is not said twice.)
      const rest = this.#withoutPlaces(lookup).filter((s) => !s.facts.length || !s.facts.every((f) => premise.facts.includes(f)))
      return { kind: 'answer', segments: [premise, ...rest], anchored: true }
    }
    // "Since the Shanxi Development and Reform Commission issued these blueprints, what do they cover?": the source it gets wrong.
    const source = publisherCorrection(lookup)
    if (source) return { kind: 'answer', segments: [source], anchored: true }
    // A wrong figure alone answers only a question that asks nothing the documents lack ("What results did it report for 2021?" does).
    const figure = countCorrection(lookup)
    return figure && { kind: 'answer', segments: [figure], anchored: false, correctionOnly: true }
  }

  /** "The industrial glass clusters in Yuncheng are part of which industry?": what the question asks, without the place it got wrong. */
  #withoutPlaces(lookup: Lookup): Segment[] {
    const isPlace = (e: { type: string }) => isPlaceType(e.type)
    const mentions = lookup.u.mentions.filter((m) => !m.entities.every(isPlace))
    if (mentions.length === lookup.u.mentions.length || !mentions.some((m) => m.entities.some((e) => !CONTEXT_TYPES.has(e.type)))) return []
    const u = { ...lookup.u, mentions, types: lookup.u.types.filter((t) => !isPlaceType(t) || t === lookup.u.targetType) }
    const rest: Lookup = { ...lookup, u, specific: lookup.specific.filter((g) => !g.every(isPlace)) }
    for (const step of STEPS) {
      const result = step(rest)
      if (result) return result.kind === 'answer' ? result.segments : []
    }
    return []
  }
}

