import { parseConfig } from '../config.js'
import type { IndexBundle } from '../core/corpus.js'
import { queryEmbedderFor } from '../embeddings/select.js'
import { FlatIndex } from '../index/flat.js'
import { IndexError, type VectorIndex } from '../index/vector-index.js'
import { VectorizeIndex, type VectorizeBinding } from '../index/vectorize.js'
import { createServices, type Services } from '../services.js'

/** The Worker's `env`: string vars and secrets, plus an optional Vectorize binding. */
export type WorkerEnv = Record<string, unknown> & { VECTORIZE?: VectorizeBinding }

/**
 * Worker assembly from the bundled index: the same `parseConfig` and `createServices` as Node,
 * with the flat adapter over the bundled vectors, or Cloudflare Vectorize when `env.VECTORIZE` is bound
 * (then `vectors` may be left out of the bundle).
 *
 * @example
 * const services = createWorkerServices(env, corpus as IndexBundle, vectors)
 */
export function createWorkerServices(env: WorkerEnv, bundle: IndexBundle, vectors?: ArrayBuffer): Services {
  const config = parseConfig(env)
  const embedder = queryEmbedderFor(config, bundle)
  const { dimensions } = bundle.embedder
  const chunks = bundle.documents.reduce((n, d) => n + d.chunks.length, 0)
  let index: VectorIndex
  if (env.VECTORIZE) index = new VectorizeIndex(env.VECTORIZE, dimensions, chunks)
  else if (vectors) index = new FlatIndex(new Float32Array(vectors), dimensions)
  else throw new IndexError('This Worker bundles no vectors: bind a Vectorize index as VECTORIZE (see wrangler.toml, [env.vectorize]).')
  return createServices(config, bundle, index, embedder)
}
