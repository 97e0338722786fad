import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { queryEmbedderFor } from '../../src/embeddings/select.js'
import { IndexError, type VectorIndex } from '../../src/index/vector-index.js'
import { readIndexFiles } from '../../src/ingest/index-files.js'
import { createServices, type Services } from '../../src/services.js'
import { baseServices, memoryLogger } from '../helpers/app.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'
import { expectExactCitations } from '../property/routes.js'

const running: RunningServer[] = []
afterEach(async () => {
  for (const s of running.splice(0)) await s.close()
})

async function serve(services: Services, logger = memoryLogger().logger) {
  const server = await startServer({}, services, { logger })
  running.push(server)
  return server
}

/** Asserts the generic 500 envelope: no message from the failure, no stack, no file names. */
async function expectOpaque500(res: Response) {
  const raw = await res.text()
  expect(res.status).toBe(500)
  expect(JSON.parse(raw)).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } })
  expect(raw).not.toMatch(/secret|\.ts|\bat\b|Error/)
}

/** Services whose vector index fails the way a broken native index would. */
async function withBrokenIndex(): Promise<Services> {
  const config = parseConfig({})
  const { bundle } = await readIndexFiles(config.indexDir)
  const broken: VectorIndex = {
    kind: 'hnswlib',
    size: 6,
    dimensions: bundle.embedder.dimensions,
    search: () => {
      throw new IndexError('secret native failure in /src/index/hnsw.ts')
    },
  }
  return createServices(config, bundle, broken, queryEmbedderFor(config, bundle))
}

describe('a dependency that throws', () => {
  it('a failing vector index gives the 500 envelope on /search, never a wrong answer on /ask, and other routes keep serving', async () => {
    const { logger, parsed } = memoryLogger()
    const services = await withBrokenIndex()
    const server = await serve(services, logger)
    const ask = await postJson(`${server.url}/ask`, { question: 'Which cities host kaolin clusters?' })
    if (ask.status === 200) expectExactCitations(await ask.json(), services.corpus)
    else await expectOpaque500(ask)
    await expectOpaque500(await fetch(`${server.url}/search?q=steel`))
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${server.url}/documents`)).status).toBe(200)
    const errors = parsed().filter((l) => l.msg === 'unhandled error')
    expect(errors.length).toBeGreaterThanOrEqual(1)
    expect(errors[0]).toMatchObject({ level: 'error', requestId: expect.any(String), err: { name: 'IndexError' } })
  })

  it('a retriever that rejects, or throws synchronously, gives a 500 envelope and the next request succeeds', async () => {
    const base = await baseServices()
    let calls = 0
    const flaky = Object.create(base.retriever) as Services['retriever']
    flaky.search = (query, k) => {
      calls++
      if (calls === 1) return Promise.reject(new Error('secret upstream timeout'))
      if (calls === 2) throw new TypeError('secret sync failure')
      return base.retriever.search(query, k)
    }
    const server = await serve({ ...base, retriever: flaky })
    await expectOpaque500(await fetch(`${server.url}/search?q=steel`))
    await expectOpaque500(await fetch(`${server.url}/search?q=steel`))
    const ok = await fetch(`${server.url}/search?q=kaolin`)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0)
  })

  it.each([
    ['a string', () => Promise.reject('secret string')],
    ['null', () => Promise.reject(null)],
    ['an object with a stack', () => Promise.reject({ stack: 'secret at /src/x.ts:1' })],
    ['a result that is not JSON-serialisable', () => Promise.resolve({ answer: 1n } as never)],
  ])('an answerer that fails with %s gives the 500 envelope and the server keeps answering', async (_, ask) => {
    const base = await baseServices()
    const server = await serve({ ...base, answerer: { ask } })
    await expectOpaque500(await postJson(`${server.url}/ask`, { question: 'steel' }))
    const again = await Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/search?q=steel`)))
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
  })
})
