import { Bm25, type Bm25Data } from './core/bm25.js'
import { Corpus, type IndexBundle } from './core/corpus.js'
import { buildLexicalIndexes, type LexicalIndexes } from './core/retriever.js'
import { knowledgeData, type KnowledgeData } from './facts/knowledge.js'
import type { Lexicon } from './facts/lexicon.js'
import type { ResolvedFacts } from './facts/schema.js'

/**
 * Everything start-up would otherwise derive from the documents' text: BM25 postings for chunks and
 * sentences, the normalizer's vocabulary with its stems, and the compounds. `npm run ingest` computes
 * it once and writes it into `index/corpus.json`, so a server or a fresh Worker isolate only wraps it.
 */
export interface PreparedIndex {
  lexical: { chunks: Bm25Data; sentences: Bm25Data }
  knowledge: KnowledgeData
}

/**
 * Derives the {@link PreparedIndex} of a bundle.
 *
 * @example
 * bundle.prepared = prepareIndex(bundle)
 */
export function prepareIndex(bundle: IndexBundle, corpus = new Corpus(bundle.documents)): PreparedIndex {
  const lexical = buildLexicalIndexes(corpus)
  return {
    lexical: { chunks: lexical.chunks.data, sentences: lexical.sentences.data },
    knowledge: knowledgeData(corpus, bundle.facts as Record<string, ResolvedFacts>, bundle.aliases as Lexicon | null),
  }
}

/** The BM25 indexes of a prepared bundle, without tokenizing anything. */
export const lexicalIndexesOf = (prepared: PreparedIndex): LexicalIndexes => ({
  chunks: Bm25.from(prepared.lexical.chunks),
  sentences: Bm25.from(prepared.lexical.sentences),
})
