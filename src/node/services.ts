import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Config } from '../config.js'
import { queryEmbedderFor } from '../embeddings/select.js'
import { HnswIndex } from '../index/hnsw.js'
import { CORPUS_FILE, readIndexFiles } from '../ingest/index-files.js'
import { createServices, type Services } from '../services.js'

/** Above this size of `corpus.json`, start-up's garbage (its text, parse temporaries) is worth one full GC. */
const LARGE_INDEX_BYTES = 16 * 2 ** 20

/** Node start-up: verify and load `index/`, open the hnswlib index, pick the matching embedder. */
export async function loadNodeServices(config: Config): Promise<Services> {
  const { manifest, bundle, hnswPath } = await readIndexFiles(config.indexDir, { vectors: false })
  const embedder = queryEmbedderFor(config, bundle)
  const index = await HnswIndex.read(hnswPath, manifest.embedder.dimensions, manifest.counts.chunks, manifest.hnsw.efSearch)
  const services = createServices(config, bundle, index, embedder)
  if ((manifest.files[CORPUS_FILE]?.bytes ?? 0) >= LARGE_INDEX_BYTES) collectGarbage()
  return services
}

/**
 * One full garbage collection, so the memory start-up used only transiently (the index text and
 * its parse, hundreds of MB at 100k chunks) goes back to the OS before serving instead of staying
 * resident until V8 next decides to collect. `gc` is exposed only inside a throwaway context.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  // The second pass frees what the first only finalized (the external string of the index text).
  gc()
  gc()
}
