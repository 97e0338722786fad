import type { Config } from '../config.js'
import type { IndexBundle } from '../core/corpus.js'
import { EmbedderMismatchError, openAIEmbedderId, type QueryEmbedder } from './embedder.js'
import { LocalEmbeddings, LOCAL_EMBEDDER_ID, type LocalEmbedderState } from './local.js'


export const rebuildCommand = (config: Config) =>
  config.embeddings === 'local' ? 'npm run ingest' : `EMBEDDINGS=openai EMBEDDINGS_MODEL=${config.openai.embeddingsModel} npm run ingest`

/** The embedder id the configuration asks for. */
export const configuredEmbedderId = (config: Config) =>
  config.embeddings === 'local' ? LOCAL_EMBEDDER_ID : openAIEmbedderId(config.openai.embeddingsModel)

/**
 * Builds the query embedder that matches the index, or fails with the command that rebuilds it
 * when the index was made by a different embedder than the one configured.
 */
export function queryEmbedderFor(config: Config, bundle: IndexBundle): QueryEmbedder {
  const wanted = configuredEmbedderId(config)
  if (bundle.embedder.id !== wanted) {
    throw new EmbedderMismatchError(
      `The index was built with the "${bundle.embedder.id}" embedder, but "${wanted}" is configured ` +
        `(EMBEDDINGS=${config.embeddings}). Rebuild the index with \`${rebuildCommand(config)}\`, or change EMBEDDINGS.`,
    )
  }
  if (config.embeddings === 'local') return new LocalEmbeddings(bundle.embedder.state as LocalEmbedderState)
  // Loaded on the first query, so the local default never imports @langchain/openai.
  let openai: Promise<QueryEmbedder> | undefined
  const load = () => (openai ??= import('./openai.js').then((m) => m.createOpenAIEmbedder(config, bundle.embedder.dimensions)))
  return { id: wanted, dimensions: bundle.embedder.dimensions, embedQuery: async (text) => (await load()).embedQuery(text) }
}
