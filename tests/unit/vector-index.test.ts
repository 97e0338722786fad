import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/embeddings/local.js'
import { FlatIndex } from '../../src/index/flat.js'
import { HnswIndex } from '../../src/index/hnsw.js'
import { tempDir } from '../helpers/temp.js'

function randomVectors(n: number, dims: number, seed = 7): Float32Array {
  let state = seed
  const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1
  const out = new Float32Array(n * dims)
  for (let i = 0; i < n; i++) out.set(normalize(Float32Array.from({ length: dims }, rand)), i * dims)
  return out
}

describe('vector indexes', () => {
  const dims = 16
  const vectors = randomVectors(200, dims)
  const query = vectors.slice(5 * dims, 6 * dims)

  it('flat search finds the exact vector first with similarity 1', () => {
    const [best] = new FlatIndex(vectors, dims).search(query, 3)
    expect(best!.id).toBe(5)
    expect(best!.score).toBeCloseTo(1, 5)
  })

  it('flat search returns scores in descending order', () => {
    const hits = new FlatIndex(vectors, dims).search(query, 20)
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
  })

  it('hnsw agrees with exact search on the top results', async () => {
    const flat = new FlatIndex(vectors, dims).search(query, 10).map((h) => h.id)
    const hnsw = (await HnswIndex.build(vectors, dims)).search(query, 10).map((h) => h.id)
    expect(hnsw).toEqual(flat)
  })

  it('clamps k to the index size for both adapters', async () => {
    const few = vectors.slice(0, 3 * dims)
    expect(new FlatIndex(few, dims).search(query, 100)).toHaveLength(3)
    expect((await HnswIndex.build(few, dims)).search(query, 100)).toHaveLength(3)
    expect(new FlatIndex(few, dims).search(query, 0)).toEqual([])
  })

  it('hnsw survives a write and read with identical results', async () => {
    const path = join(tempDir('hnsw'), 'i.bin')
    const built = await HnswIndex.build(vectors, dims)
    built.write(path)
    const read = await HnswIndex.read(path, dims, 200)
    expect(read.search(query, 5)).toEqual(built.search(query, 5))
  })

  it('hnsw refuses a file with the wrong number of vectors', async () => {
    const path = join(tempDir('hnsw'), 'i.bin')
    ;(await HnswIndex.build(vectors, dims)).write(path)
    await expect(HnswIndex.read(path, dims, 10)).rejects.toThrow(/has 200 vectors, expected 10/)
  })

  it('flat index rejects data that is not whole vectors', () => {
    expect(() => new FlatIndex(new Float32Array(10), 3)).toThrow(/whole number/)
  })
})
