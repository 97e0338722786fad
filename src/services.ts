import type { Answerer } from './answer/answerer.js'
import { BlueprintAnswerer } from './answer/blueprint-answerer.js'
import type { Config } from './config.js'
import { Corpus, type IndexBundle } from './core/corpus.js'
import { Retriever } from './core/retriever.js'
import type { QueryEmbedder } from './embeddings/embedder.js'
import { buildKnowledge, type Knowledge } from './facts/knowledge.js'
import type { Lexicon } from './facts/lexicon.js'
import type { ResolvedFacts } from './facts/schema.js'
import type { VectorIndex } from './index/vector-index.js'

/** Everything the HTTP app and the CLI need, built once at start-up and injected. */
export interface Services {
  config: Config
  corpus: Corpus
  retriever: Retriever
  answerer: Answerer
  knowledge: Knowledge
  facts: Record<string, ResolvedFacts>
  info: {
    mode: 'embedded' | 'llm'
    embedder: { id: string; dimensions: number }
    index: { kind: string; documents: number; sentences: number; chunks: number }
  }
}

/** Assembles services from a loaded bundle, a vector index and a query embedder; runtime-agnostic. */
export function createServices(config: Config, bundle: IndexBundle, index: VectorIndex, embedder: QueryEmbedder): Services {
  const corpus = new Corpus(bundle.documents)
  const retriever = new Retriever(corpus, index, embedder)
  const facts = bundle.facts as Record<string, ResolvedFacts>
  const knowledge = buildKnowledge(corpus, facts, bundle.aliases as Lexicon | null)
  return {
    config,
    corpus,
    retriever,
    answerer: new BlueprintAnswerer(corpus, retriever, knowledge),
    knowledge,
    facts,
    info: {
      mode: config.llmEnabled ? 'llm' : 'embedded',
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      index: { kind: index.kind, documents: corpus.documents.length, sentences: corpus.sentences.length, chunks: corpus.chunks.length },
    },
  }
}
