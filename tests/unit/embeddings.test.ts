import { Embeddings } from '@langchain/core/embeddings'
import { describe, expect, it } from 'vitest'
import { LocalEmbeddings } from '../../src/embeddings/local.js'
import { fitLocalEmbeddings } from '../../src/embeddings/local-fit.js'

const texts = ['Kaolin industrial clusters in Xinzhou and Shuozhou cities.', 'The steel industry will be upgraded.', 'Light industry covers liquor and vinegar.']
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0)

describe('LocalEmbeddings', () => {
  it('is a LangChain Embeddings', () => {
    expect(LocalEmbeddings.fit(texts, 64)).toBeInstanceOf(Embeddings)
  })

  it('is deterministic across instances and restored state', async () => {
    const a = LocalEmbeddings.fit(texts, 128)
    const b = new LocalEmbeddings(JSON.parse(JSON.stringify(a.state)))
    expect(await a.embedDocuments(texts)).toEqual(await b.embedDocuments(texts))
    expect(await a.embedQuery('kaolin')).toEqual(await a.embedQuery('kaolin'))
  })

  it('returns unit vectors of the configured size', async () => {
    const v = await LocalEmbeddings.fit(texts, 96).embedQuery('steel industry')
    expect(v).toHaveLength(96)
    expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 5)
  })

  it('places a misspelled query nearest its intended text', async () => {
    const e = LocalEmbeddings.fit(texts, 512)
    const docs = await e.embedDocuments(texts)
    const q = await e.embedQuery('kaolinn clustres')
    const scores = docs.map((d) => cosine(d, q))
    expect(scores.indexOf(Math.max(...scores))).toBe(0)
  })

  it('gives the zero vector for text without content words', async () => {
    const v = await LocalEmbeddings.fit(texts, 32).embedQuery('the of and')
    expect(v.every((x) => x === 0)).toBe(true)
  })

  it('fits and embeds a corpus in one pass with the same state and the same vector bytes as fit and embed', () => {
    const corpus = [...texts, 'Kaolin kaolin KAOLIN clusters, clusters.', 'The of and', '', 'Steel steel industry industry industry.', '山西 焦化 steel']
    for (const dims of [7, 64, 512]) {
      const { embedder, vectors } = fitLocalEmbeddings(corpus, dims)
      const reference = LocalEmbeddings.fit(corpus, dims)
      expect(embedder.state).toEqual(reference.state)
      const expected = new Float32Array(corpus.length * dims)
      corpus.forEach((text, i) => expected.set(reference.embed(text), i * dims))
      expect(Buffer.from(vectors.buffer).equals(Buffer.from(expected.buffer))).toBe(true)
    }
  })
})
