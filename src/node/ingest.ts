import type { Config } from '../config.js'
import { DEFAULT_CHUNKING } from '../core/chunking.js'
import { LOCAL_EMBEDDER_ID } from '../embeddings/local.js'
import { fitLocalEmbeddings, type FittedLocal } from '../embeddings/local-fit.js'
import { createOpenAIEmbedder } from '../embeddings/openai.js'
import { queryEmbedderFor } from '../embeddings/select.js'
import { FlatIndex } from '../index/flat.js'
import { buildIndex, type BuiltIndex, type IndexEmbedder } from '../ingest/build.js'
import { buildFaq } from '../ingest/faq.js'
import { readCorpus } from '../ingest/corpus-files.js'
import { validateAliases, validateFacts } from '../ingest/validate.js'
import { renderIndex, staleFiles, writeIndex } from '../ingest/index-files.js'
import { createServices } from '../services.js'

export const LOCAL_DIMENSIONS = 512

export interface IngestOptions {
  check?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface IngestResult {
  documents: number
  chunks: number
  files: Map<string, Uint8Array>
  /** With `check`: why the index on disk is stale; empty when current. */
  stale: string[]
}

function embedderFor(config: Config): (texts: readonly string[]) => IndexEmbedder {
  if (config.embeddings === 'local') {
    return (texts) => {
      let fitted: FittedLocal | undefined
      const fit = (onProgress?: (done: number, total: number) => void) => (fitted ??= fitLocalEmbeddings(texts, LOCAL_DIMENSIONS, onProgress))
      return {
        id: LOCAL_EMBEDDER_ID,
        get state() {
          return fit().embedder.state
        },
        embedDocuments: (batch) => fit().embedder.embedDocuments(batch),
        embedAll: async (_, onProgress) => ({ vectors: fit(onProgress).vectors, dimensions: LOCAL_DIMENSIONS }),
      }
    }
  }
  return () => {
    const openai = createOpenAIEmbedder(config)
    return { id: openai.id, embedDocuments: (batch) => openai.embedDocuments(batch) }
  }
}

/** Reads `corpus/`, builds the index and writes it to `index/` (or, with `check`, compares). */
export async function ingest(config: Config, options: IngestOptions = {}): Promise<IngestResult> {
  const corpus = await readCorpus(config.corpusDir)
  const built = await buildIndex(corpus.documents, {
    chunking: DEFAULT_CHUNKING,
    embedder: embedderFor(config),
    facts: validateFacts(corpus.documents, corpus.facts),
    aliases: validateAliases(corpus.aliases),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
  built.bundle.faq = await answerFaq(config, built)
  const files = await renderIndex(built)
  const stale = options.check ? await staleFiles(config.indexDir, files) : []
  if (!options.check) await writeIndex(config.indexDir, files, { stepDelayMs: config.ingestWriteDelayMs })
  return { documents: corpus.documents.length, chunks: built.vectors.length / built.bundle.embedder.dimensions, files, stale }
}

/** Answers the FAQ with the offline answerer over the freshly built index (flat search, no model). */
async function answerFaq(config: Config, { bundle, vectors }: BuiltIndex) {
  const offline = { ...config, llmEnabled: false }
  const services = createServices(offline, bundle, new FlatIndex(vectors, bundle.embedder.dimensions), queryEmbedderFor(offline, bundle))
  return buildFaq(services.answerer, services.corpus, services.facts)
}
