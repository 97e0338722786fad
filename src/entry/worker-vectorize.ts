import corpus from '../../index/corpus.json'
import type { IndexBundle } from '../core/corpus.js'
import { workerHandler } from '../worker/handler.js'

/** Cloudflare Workers entry for `wrangler deploy --env vectorize`: texts bundled, vectors in the VECTORIZE binding. */
export default workerHandler(corpus as unknown as IndexBundle)
