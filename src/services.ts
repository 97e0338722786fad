import type { Answerer } from './answer/answerer.js'
import { BlueprintAnswerer } from './answer/blueprint-answerer.js'
import { CachedAnswerer } from './answer/cache.js'
import type { Config } from './config.js'
import { Corpus, type IndexBundle } from './core/corpus.js'
import type { FaqItem } from './core/types.js'
import { Retriever } from './core/retriever.js'
import type { QueryEmbedder } from './embeddings/embedder.js'
import { buildKnowledge, type Knowledge } from './facts/knowledge.js'
import type { Lexicon } from './facts/lexicon.js'
import type { ResolvedFacts } from './facts/schema.js'
import type { VectorIndex } from './index/vector-index.js'
import { LlmAnswerer } from './llm/answerer.js'
import { lexicalIndexesOf, prepareIndex } from './prepare.js'
import { lazyAnswerChain } from './llm/lazy-chain.js'
import type { ExtraPassages } from './llm/passages.js'
import { createSlackApi, type SlackApi } from './integrations/slack/client.js'

/** Everything the HTTP app and the CLI need, built once at start-up and injected. */
export interface Services {
  config: Config
  corpus: Corpus
  retriever: Retriever
  answerer: Answerer
  knowledge: Knowledge
  facts: Record<string, ResolvedFacts>
  /** The FAQ answered at ingest (`GET /faq.json`); empty for an index built before it existed. */
  faq: FaqItem[]
  /** Slack Web API client, present when `SLACK_BOT_TOKEN` is set. */
  slack: SlackApi | undefined
  info: {
    mode: 'embedded' | 'llm'
    embedder: { id: string; dimensions: number }
    index: { kind: string; documents: number; sentences: number; chunks: number }
    /** The model path, when configured: never the key. */
    llm?: { model: string; endpoint: string; timeoutMs: number }
  }
}

export interface ServiceOptions {
  /** Extra numbered passages for the model, e.g. the source spans of relevant facts. */
  extraPassages?: ExtraPassages
}

/** The answerer the configuration asks for: model-written with `fallback` behind it, or `fallback` alone. */
export function answererFor(config: Config, corpus: Corpus, retriever: Retriever, fallback: Answerer, options: ServiceOptions = {}): Answerer {
  if (!config.llmEnabled) return fallback
  const chain = lazyAnswerChain(config)
  return new LlmAnswerer({ corpus, retriever, chain, fallback, timeoutMs: config.openai.timeoutMs, extraPassages: options.extraPassages })
}

/**
 * The offline answerer behind the answer cache. Only the model-free mode is cached: a model may word
 * the same question differently, and its fallback depends on whether the model answered this time.
 */
const offlineAnswerer = (config: Config, answerer: Answerer): Answerer =>
  config.llmEnabled || config.answerCacheSize === 0 ? answerer : new CachedAnswerer(answerer, config.answerCacheSize)

/** Assembles services from a loaded bundle, a vector index and a query embedder; runtime-agnostic. */
export function createServices(config: Config, bundle: IndexBundle, index: VectorIndex, embedder: QueryEmbedder, options: ServiceOptions = {}): Services {
  const corpus = new Corpus(bundle.documents)
  // An index written before `prepared` existed is prepared here, at start-up.
  const prepared = bundle.prepared ?? prepareIndex(bundle, corpus)
  const retriever = new Retriever(corpus, index, embedder, lexicalIndexesOf(prepared))
  const facts = bundle.facts as Record<string, ResolvedFacts>
  const knowledge = buildKnowledge(facts, bundle.aliases as Lexicon | null, prepared.knowledge)
  return {
    config,
    corpus,
    retriever,
    answerer: answererFor(config, corpus, retriever, offlineAnswerer(config, new BlueprintAnswerer(corpus, retriever, knowledge)), options),
    knowledge,
    facts,
    faq: bundle.faq ?? [],
    slack: createSlackApi(config),
    info: {
      mode: config.llmEnabled ? 'llm' : 'embedded',
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      index: { kind: index.kind, documents: corpus.documents.length, sentences: corpus.sentences.length, chunks: corpus.chunks.length },
      ...(config.llmEnabled ? { llm: { model: config.openai.model, endpoint: endpointOf(config), timeoutMs: config.openai.timeoutMs } } : {}),
    },
  }
}

/** Scheme and host of the model endpoint, without credentials or path. */
const endpointOf = (config: Config) => (config.openai.baseURL ? new URL(config.openai.baseURL).origin : 'https://api.openai.com')
