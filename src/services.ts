import type { Answerer } from './answer/answerer.js'
import { ExtractiveAnswerer } from './answer/extractive.js'
import type { Config } from './config.js'
import { Corpus, type IndexBundle } from './core/corpus.js'
import { Retriever } from './core/retriever.js'
import type { QueryEmbedder } from './embeddings/embedder.js'
import type { VectorIndex } from './index/vector-index.js'
import { createSlackApi, type SlackApi } from './integrations/slack/client.js'

/** Everything the HTTP app and the CLI need, built once at start-up and injected. */
export interface Services {
  config: Config
  corpus: Corpus
  retriever: Retriever
  answerer: Answerer
  facts: IndexBundle['facts']
  /** Slack Web API client, present when `SLACK_BOT_TOKEN` is set. */
  slack: SlackApi | undefined
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
  return {
    config,
    corpus,
    retriever,
    answerer: new ExtractiveAnswerer(corpus, retriever),
    facts: bundle.facts,
    slack: createSlackApi(config),
    info: {
      mode: config.llmEnabled ? 'llm' : 'embedded',
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      index: { kind: index.kind, documents: corpus.documents.length, sentences: corpus.sentences.length, chunks: corpus.chunks.length },
    },
  }
}
