import type { Corpus } from '../core/corpus.js'
import { isStopword, primeStems, stem, words } from '../core/text.js'
import { FactsEngine } from './engine.js'
import { FactGraph, type AliasKeys } from './graph.js'
import { EMPTY_LEXICON, type Lexicon } from './lexicon.js'
import type { CueWords } from './lookup/context.js'
import { QuestionNormalizer, type NormalizerTables } from './normalize.js'
import type { ResolvedFacts } from './schema.js'

/** Everything that understands questions: the lexicon, the fact graph, the normalizer and the engine. */
export interface Knowledge {
  lexicon: Lexicon
  graph: FactGraph
  normalizer: QuestionNormalizer
  engine: FactsEngine
  /** Lexicon words that carry no content of their own ("blueprint", "tell", "which"). */
  generic: ReadonlySet<string>
  /** Two-word compounds of content words in the documents ("industry chain"), as `"a b"`. */
  compounds: ReadonlySet<string>
  /** Stems of the lexicon's one-word relation cues ("plan", "tackle", "located"): what kind of fact a question wants. */
  cueStems: ReadonlySet<string>
}

/**
 * What question understanding derives from the documents' text and the lexicon, as plain data:
 * computed at ingest (`prepareIndex`) so start-up does not tokenize or stem the corpus.
 */
export interface KnowledgeData {
  /** Every word the service knows, sorted: corpus, entity names and aliases, lexicon. */
  vocabulary: string[]
  /** `stems[i]` is the Porter stem of `vocabulary[i]`. */
  stems: string[]
  /** The words typos are corrected towards: corpus, entity names and aliases, type and relation words. */
  core: string[]
  /** Two-word compounds of content words in the documents ("industry chain"), as `"a b"`. */
  compounds: string[]
  /** The fact graph's alias lookups. */
  aliasKeys: AliasKeys
  /** The normalizer's tables, the engine's cue words, and {@link Knowledge.generic} and {@link Knowledge.cueStems} as lists. */
  normalizer: NormalizerTables
  cues: CueWords
  generic: string[]
  cueStems: string[]
}

/** The quantity words of the facts' figures ("dollars", "output"), folded. */
const measureWords = (facts: Record<string, ResolvedFacts>): string[] => Object.values(facts).flatMap((doc) => doc.facts.flatMap((f) => f.measure ?? []).map((m) => m.toLowerCase()))

/** Scans the documents and the lexicon for the words and compounds the normalizer needs, and derives its tables. */
export function knowledgeData(corpus: Corpus, facts: Record<string, ResolvedFacts>, lexicon: Lexicon | null | undefined): KnowledgeData {
  const lex = lexicon ?? EMPTY_LEXICON
  const graph = new FactGraph(Object.values(facts), lex)
  const core = graph.vocabulary()
  const compounds = new Set<string>()
  for (const doc of corpus.documents) {
    const docWords = words(doc.text)
    docWords.forEach((w, i) => {
      core.add(w)
      const next = docWords[i + 1]
      if (next && !isStopword(w) && !isStopword(next)) compounds.add(`${w} ${next}`)
    })
  }
  for (const phrase of [...Object.values(lex.types).flat(), ...Object.values(lex.relations).flat()]) for (const w of words(phrase)) core.add(w)
  const vocabulary = new Set(core)
  const lexiconWords = [
    ...measureWords(facts),
    ...lex.measures,
    ...lex.generic,
    ...Object.values(lex.synonyms),
    ...Object.values(lex.phrases),
  ]
  for (const phrase of lexiconWords) for (const w of words(phrase)) vocabulary.add(w)
  const sorted = [...vocabulary].sort()
  // Chinese aliases of entities are phrases the normalizer translates to the entity's name.
  const aliasPhrases: Record<string, string> = {}
  for (const e of graph.entities.values()) for (const alias of e.aliases) if (/[\u3400-\u9fff]/u.test(alias)) aliasPhrases[alias] = e.name
  const coreSorted = [...core].sort()
  return {
    vocabulary: sorted,
    stems: sorted.map(stem),
    core: coreSorted,
    compounds: [...compounds].sort(),
    aliasKeys: graph.aliasKeys(),
    normalizer: QuestionNormalizer.tables(lex, sorted, coreSorted, aliasPhrases, measureWords(facts)),
    cues: FactsEngine.cueWords(lex),
    generic: [...new Set(lex.generic.flatMap((g) => words(g)))],
    cueStems: [...new Set(Object.values(lex.relations).flatMap((phrases) => phrases.filter((p) => !/\s/.test(p)).map((p) => stem(p.toLowerCase()))))],
  }
}

/** The {@link Knowledge} of the facts and lexicon, from the {@link KnowledgeData} computed at ingest: it only wraps lists in sets and maps. */
export function buildKnowledge(facts: Record<string, ResolvedFacts>, lexicon: Lexicon | null | undefined, data: KnowledgeData): Knowledge {
  const lex = lexicon ?? EMPTY_LEXICON
  primeStems(data.vocabulary, data.stems)
  const graph = new FactGraph(Object.values(facts), lex, data.aliasKeys)
  const core = new Set(data.core)
  return {
    lexicon: lex,
    graph,
    normalizer: new QuestionNormalizer(lex, new Set(data.vocabulary), core, data.normalizer),
    engine: new FactsEngine(graph, lex, (word) => core.has(word), data.cues),
    generic: new Set(data.generic),
    compounds: new Set(data.compounds),
    cueStems: new Set(data.cueStems),
  }
}
