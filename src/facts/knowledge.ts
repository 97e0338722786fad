import type { Corpus } from '../core/corpus.js'
import { words } from '../core/text.js'
import { FactsEngine } from './engine.js'
import { FactGraph } from './graph.js'
import { EMPTY_LEXICON, type Lexicon } from './lexicon.js'
import { QuestionNormalizer } from './normalize.js'
import type { ResolvedFacts } from './schema.js'

/** Everything that understands questions: the lexicon, the fact graph, the normalizer and the engine. */
export interface Knowledge {
  lexicon: Lexicon
  graph: FactGraph
  normalizer: QuestionNormalizer
  engine: FactsEngine
  /** Lexicon words that carry no content of their own ("blueprint", "tell", "which"). */
  generic: ReadonlySet<string>
}

/** Builds the question-understanding stack from ingested facts and aliases. */
export function buildKnowledge(corpus: Corpus, facts: Record<string, ResolvedFacts>, lexicon: Lexicon | null | undefined): Knowledge {
  const lex = lexicon ?? EMPTY_LEXICON
  const graph = new FactGraph(Object.values(facts), lex)
  const core = graph.vocabulary()
  for (const doc of corpus.documents) for (const w of words(doc.text)) core.add(w)
  for (const phrase of [...Object.values(lex.types).flat(), ...Object.values(lex.relations).flat()]) for (const w of words(phrase)) core.add(w)
  const vocabulary = new Set(core)
  const lexiconWords = [
    ...lex.measures,
    ...lex.generic,
    ...Object.values(lex.synonyms),
    ...Object.values(lex.phrases),
  ]
  for (const phrase of lexiconWords) for (const w of words(phrase)) vocabulary.add(w)
  const phrases: Record<string, string> = {}
  for (const e of graph.entities.values()) for (const alias of e.aliases) if (/[\u3400-\u9fff]/u.test(alias)) phrases[alias] = e.name
  return {
    lexicon: lex,
    graph,
    normalizer: new QuestionNormalizer(lex, vocabulary, core, phrases),
    engine: new FactsEngine(graph, lex),
    generic: new Set(lex.generic.flatMap((g) => words(g))),
  }
}
