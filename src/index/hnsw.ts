import type { Scored } from '../core/bm25.js'
import { toNumbers } from '../core/vector.js'
import { IndexError, type VectorIndex } from './vector-index.js'

/** Node only: wraps `hnswlib-node`, which is imported lazily so portable code never loads it. */
type HnswModule = typeof import('hnswlib-node')
type Hnsw = InstanceType<HnswModule['HierarchicalNSW']>

export interface HnswParams {
  m: number
  efConstruction: number
  efSearch: number
  seed: number
}

export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 200, efSearch: 96, seed: 100 }

async function loadHnswlib(): Promise<HnswModule> {
  try {
    const module = await import('hnswlib-node')
    return (module as { default?: HnswModule }).default ?? module
  } catch (cause) {
    throw new IndexError(
      'Could not load hnswlib-node, the native vector index (Node.js only). ' +
        'Run `npm install` on Node 20+ with build tools, or use the flat index.',
      { cause },
    )
  }
}

export class HnswIndex implements VectorIndex {
  readonly kind = 'hnswlib'

  private constructor(
    private readonly index: Hnsw,
    readonly dimensions: number,
    readonly size: number,
  ) {}

  /** Builds an index by inserting vectors in order; deterministic for a fixed seed. */
  static async build(vectors: Float32Array, dimensions: number, params: HnswParams = DEFAULT_HNSW): Promise<HnswIndex> {
    const { HierarchicalNSW } = await loadHnswlib()
    const size = vectors.length / dimensions
    const index = new HierarchicalNSW('cosine', dimensions)
    index.initIndex(Math.max(1, size), params.m, params.efConstruction, params.seed)
    for (let id = 0; id < size; id++) index.addPoint(toNumbers(vectors.subarray(id * dimensions, (id + 1) * dimensions)), id)
    index.setEf(params.efSearch)
    return new HnswIndex(index, dimensions, size)
  }

  /** Reads an index file written by `write`; `expectedSize` guards against a mismatched file. */
  static async read(path: string, dimensions: number, expectedSize: number, efSearch = DEFAULT_HNSW.efSearch): Promise<HnswIndex> {
    const { HierarchicalNSW } = await loadHnswlib()
    const index = new HierarchicalNSW('cosine', dimensions)
    try {
      index.readIndexSync(path)
    } catch (cause) {
      throw new IndexError(`Could not read the hnswlib index at ${path} (${(cause as Error).message}). Run \`npm run ingest\` to rebuild the index.`, { cause })
    }
    const size = index.getCurrentCount()
    if (size !== expectedSize) throw new IndexError(`hnswlib index at ${path} has ${size} vectors, expected ${expectedSize}. Run \`npm run ingest\` to rebuild the index.`)
    index.setEf(efSearch)
    return new HnswIndex(index, dimensions, size)
  }

  write(path: string): void {
    this.index.writeIndexSync(path)
  }

  search(query: ArrayLike<number>, k: number): Scored[] {
    const n = Math.min(Math.max(0, Math.floor(k)), this.size)
    if (n === 0) return []
    // hnswlib-node takes only plain arrays.
    const { neighbors, distances } = this.index.searchKnn(Array.isArray(query) ? (query as number[]) : toNumbers(query), n)
    return neighbors.map((id, i) => ({ id, score: 1 - distances[i]! }))
  }
}
