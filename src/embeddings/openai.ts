import { OpenAIEmbeddings } from '@langchain/openai'
import type { Config } from '../config.js'
import { openAIEmbedderId, type QueryEmbedder } from './embedder.js'


/**
 * `OpenAIEmbeddings` against any OpenAI-compatible server (`OPENAI_BASE_URL`), as a QueryEmbedder.
 * `dimensions` is learned from the index manifest, or from the first vector at ingest.
 */
export function createOpenAIEmbedder(config: Config, dimensions = 0): OpenAIEmbeddings & QueryEmbedder {
  const embeddings = new OpenAIEmbeddings({
    apiKey: config.openai.apiKey ?? 'not-needed',
    model: config.openai.embeddingsModel,
    timeout: config.openai.timeoutMs,
    maxRetries: 2,
    configuration: config.openai.baseURL ? { baseURL: config.openai.baseURL } : {},
  })
  return Object.assign(embeddings, { id: openAIEmbedderId(config.openai.embeddingsModel), dimensions })
}
