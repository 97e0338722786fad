import type { Config } from '../config.js'
import { queryEmbedderFor } from '../embeddings/select.js'
import { HnswIndex } from '../index/hnsw.js'
import { readIndexFiles } from '../ingest/index-files.js'
import { createServices, type Services } from '../services.js'

/** Node start-up: verify and load `index/`, open the hnswlib index, pick the matching embedder. */
export async function loadNodeServices(config: Config): Promise<Services> {
  const { manifest, bundle, hnswPath } = await readIndexFiles(config.indexDir, { vectors: false })
  const embedder = queryEmbedderFor(config, bundle)
  const index = await HnswIndex.read(hnswPath, manifest.embedder.dimensions, manifest.counts.chunks, manifest.hnsw.efSearch)
  return createServices(config, bundle, index, embedder)
}
