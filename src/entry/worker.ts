import corpus from '../../index/corpus.json'
import vectors from '../../index/vectors.bin'
import type { IndexBundle } from '../core/corpus.js'
import { workerHandler } from '../worker/handler.js'

/** Cloudflare Workers entry: the index made by `npm run ingest`, bundled; flat search (or Vectorize when bound). */
export default workerHandler(corpus as unknown as IndexBundle, vectors)
