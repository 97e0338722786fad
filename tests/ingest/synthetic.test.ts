import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { scoreAnswer } from '../../src/eval/score.js'
import { ingest } from '../../src/node/ingest.js'
import { loadNodeServices } from '../../src/node/services.js'
import { syntheticCorpus, writeSyntheticCorpus } from '../bench/synthetic.js'

const root = mkdtempSync(join(tmpdir(), 'synthetic-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('synthetic benchmark corpus', () => {
  it('is the same for the same seed and different for another seed', () => {
    const a = syntheticCorpus({ chunks: 150, seed: 3 })
    expect(syntheticCorpus({ chunks: 150, seed: 3 })).toEqual(a)
    expect(syntheticCorpus({ chunks: 150, seed: 4 }).documents[0]!.text).not.toBe(a.documents[0]!.text)
  })

  it('ingests into exactly the requested number of chunks, and its planted questions are answered with valid citations', async () => {
    const corpus = syntheticCorpus({ chunks: 120, seed: 8 })
    const env = { CORPUS_DIR: join(root, 'corpus'), INDEX_DIR: join(root, 'index') }
    await writeSyntheticCorpus(env.CORPUS_DIR, corpus, 'corpus/aliases.json')
    const result = await ingest(parseConfig(env))
    expect(result).toMatchObject({ documents: corpus.documents.length, chunks: 120 })

    const services = await loadNodeServices(parseConfig(env))
    expect(Object.keys(services.facts)).toHaveLength(corpus.documents.length)
    for (const q of corpus.questions) {
      const response = await services.answerer.ask({ question: q.question })
      const score = scoreAnswer({ id: q.documentId, category: 'planted', question: q.question, expect: { grounded: true, all: q.expect, evidence: [q.evidence] } }, response, (id) => services.corpus.document(id)?.text)
      expect(score.problems, q.question).toEqual([])
      expect(response.citations.map((c) => c.documentId)).toContain(q.documentId)
    }
  })
})
