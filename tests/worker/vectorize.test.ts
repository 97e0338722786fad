import { describe, expect, it } from 'vitest'
import { FlatIndex } from '../../src/index/flat.js'
import { VECTORIZE_MAX_TOP_K, VectorizeIndex, type VectorizeBinding } from '../../src/index/vectorize.js'
import { readIndexFiles } from '../../src/ingest/index-files.js'
import { createWorkerServices } from '../../src/worker/services.js'
import { comparisonQuestions } from './questions.js'

const { bundle, vectors } = await readIndexFiles('index')
const dims = bundle.embedder.dimensions
const buffer = () => vectors.slice().buffer

/** A stand-in for the Vectorize binding that answers its documented `query` contract by exact cosine search. */
function localVectorize(extra: Array<{ id: string; score: number }> = []) {
  const calls: Array<{ topK: number }> = []
  const flat = new FlatIndex(vectors, dims)
  const binding: VectorizeBinding = {
    async query(vector, options) {
      calls.push({ topK: options.topK })
      const hits = flat.search(vector, options.topK).map((h) => ({ id: String(h.id), score: h.score }))
      return { matches: [...extra, ...hits].slice(0, options.topK).reverse() }
    },
  }
  return { binding, calls }
}

describe('the Vectorize adapter', () => {
  it('is selected when the VECTORIZE binding exists, and the flat index otherwise', () => {
    expect(createWorkerServices({}, bundle, buffer()).info.index.kind).toBe('flat')
    expect(createWorkerServices({ VECTORIZE: localVectorize().binding }, bundle, buffer()).info.index.kind).toBe('vectorize')
    expect(createWorkerServices({ VECTORIZE: localVectorize().binding }, bundle).info.index.kind).toBe('vectorize')
  })

  it('fails with an actionable IndexError when the build bundles no vectors and nothing is bound', () => {
    expect(() => createWorkerServices({}, bundle)).toThrow(/bind a Vectorize index as VECTORIZE/)
  })

  it('answers every comparison question exactly like the bundled flat index', async () => {
    const flat = createWorkerServices({}, bundle, buffer())
    const remote = createWorkerServices({ VECTORIZE: localVectorize().binding }, bundle)
    for (const item of comparisonQuestions().cases) {
      expect(await remote.answerer.ask(item), item.question).toEqual(await flat.answerer.ask(item))
    }
  })

  it('maps string ids to chunk ids best first, drops ids outside the corpus and caps topK at 100', async () => {
    const { binding, calls } = localVectorize([{ id: 'stale-9', score: 0.99 }, { id: '123456', score: 0.98 }])
    const index = new VectorizeIndex(binding, dims, 10_000)
    const hits = await index.search(vectors.slice(0, dims), 500)
    expect(calls).toEqual([{ topK: VECTORIZE_MAX_TOP_K }])
    expect(hits[0]).toEqual({ id: 0, score: expect.closeTo(1, 5) })
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
    expect(hits.every((h) => h.id >= 0 && h.id < bundle.documents[0]!.chunks.length)).toBe(true)
  })

  it('rejects a query vector of the wrong dimension with an IndexError', async () => {
    await expect(new VectorizeIndex(localVectorize().binding, dims, 6).search([1, 0], 3)).rejects.toMatchObject({ name: 'IndexError' })
  })
})
