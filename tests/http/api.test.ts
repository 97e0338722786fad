import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import type { AskResponse } from '../../src/core/types.js'
import { loadNodeServices } from '../../src/node/services.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'

let server: RunningServer
let text: string
beforeAll(async () => {
  server = await startServer()
  text = server.services.corpus.documents[0]!.text
})
afterAll(() => server.close())

const expectEnvelope = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  const body = await res.json()
  expect(body).toEqual({ error: { code, message: expect.any(String) } })
  return body as { error: { code: string; message: string } }
}

describe('POST /ask', () => {
  it('answers with verbatim, offset-exact citations named by [n] markers', async () => {
    const res = await postJson(`${server.url}/ask`, { question: 'Which cities host kaolin clusters?' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AskResponse
    expect(body.grounded).toBe(true)
    expect(['structured', 'extractive', 'llm']).toContain(body.source)
    expect(body.citations.length).toBeGreaterThan(0)
    for (const c of body.citations) {
      expect(text.slice(c.start, c.end)).toBe(c.quote)
      expect(c.documentId).toBe('shanxi-2020-industrial-blueprints')
      expect(c.title).toBe('Shanxi releases 2020 industrial development blueprints')
    }
    const ids = new Set(body.citations.map((c) => c.id))
    const markers = [...body.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))
    expect(markers.length).toBeGreaterThan(0)
    for (const m of markers) expect(ids.has(m)).toBe(true)
    expect(body.answer).toMatch(/Xinzhou/)
    expect(body.answer).toMatch(/Shuozhou/)
  })

  it('accepts history turns', async () => {
    const res = await postJson(`${server.url}/ask`, {
      question: 'What about steel?',
      history: [{ role: 'user', content: 'Tell me about coking' }, { role: 'assistant', content: 'Coking is a traditional industry.' }],
    })
    expect(res.status).toBe(200)
  })

  it('says plainly when the corpus does not answer', async () => {
    const res = await postJson(`${server.url}/ask`, { question: 'What is the recipe for chocolate cake?' })
    const body = (await res.json()) as AskResponse
    expect(body).toMatchObject({ grounded: false, citations: [] })
    expect(body.answer).toMatch(/^The blueprint does not say/)
  })

  it('returns 400 invalid_json for malformed JSON', async () => {
    await expectEnvelope(await postJson(`${server.url}/ask`, '{"question": '), 400, 'invalid_json')
  })

  it.each([
    ['a missing question', {}],
    ['an empty question', { question: '' }],
    ['a blank question', { question: '   ' }],
    ['a non-string question', { question: 5 }],
    ['a 2001-character question', { question: 'x'.repeat(2001) }],
    ['21 history turns', { question: 'steel', history: Array.from({ length: 21 }, () => ({ role: 'user', content: 'hi' })) }],
    ['a history turn with an unknown role', { question: 'steel', history: [{ role: 'system', content: 'hi' }] }],
  ])('returns 400 invalid_request for %s', async (_, body) => {
    const { error } = await expectEnvelope(await postJson(`${server.url}/ask`, body), 400, 'invalid_request')
    expect(error.message.length).toBeGreaterThan(5)
  })

  it('returns 415 for a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'question=steel' })
    await expectEnvelope(res, 415, 'unsupported_media_type')
  })

  it('returns 413 for a body over 16 KiB declared by Content-Length', async () => {
    await expectEnvelope(await postJson(`${server.url}/ask`, { question: 'steel', pad: 'y'.repeat(200_000) }), 413, 'payload_too_large')
  })

  it('returns 413 for an oversized chunked body', async () => {
    const chunk = new TextEncoder().encode(`{"question":"steel","pad":"${'y'.repeat(40_000)}"}`)
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk)
        controller.close()
      },
    })
    const res = await fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit)
    await expectEnvelope(res, 413, 'payload_too_large')
  })
})

describe('GET /search', () => {
  it('returns ranked passages with scores and exact offsets', async () => {
    const res = await fetch(`${server.url}/search?q=kaolin%20clusters&k=3`)
    expect(res.status).toBe(200)
    const { results } = (await res.json()) as { results: Array<{ rank: number; text: string; start: number; end: number; score: number; documentId: string }> }
    expect(results.length).toBeGreaterThan(0)
    expect(results.length).toBeLessThanOrEqual(3)
    expect(results[0]!.text).toContain('kaolin')
    expect(results.map((r) => r.rank)).toEqual(results.map((_, i) => i + 1))
    for (const r of results) expect(text.slice(r.start, r.end)).toBe(r.text)
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a))
  })

  it('clamps k above the number of chunks', async () => {
    const res = await fetch(`${server.url}/search?q=industry&k=100000`)
    const { results } = (await res.json()) as { results: unknown[] }
    expect(results.length).toBe(server.services.corpus.chunks.length)
  })

  it('returns 400 without q and for a non-numeric k', async () => {
    await expectEnvelope(await fetch(`${server.url}/search`), 400, 'invalid_request')
    await expectEnvelope(await fetch(`${server.url}/search?q=steel&k=many`), 400, 'invalid_request')
  })
})

describe('documents, facts and health', () => {
  it('GET /documents lists documents with text and metadata', async () => {
    const { documents } = (await (await fetch(`${server.url}/documents`)).json()) as { documents: Array<Record<string, unknown>> }
    expect(documents).toHaveLength(1)
    expect(documents[0]).toMatchObject({ id: 'shanxi-2020-industrial-blueprints', metadata: { date: '2020', language: 'en' } })
  })

  it('GET /documents/:id returns the document byte for byte', async () => {
    const { readFileSync } = await import('node:fs')
    const res = await fetch(`${server.url}/documents/shanxi-2020-industrial-blueprints`)
    const doc = (await res.json()) as { id: string; title: string; text: string }
    expect(doc.text).toBe(readFileSync('corpus/shanxi-2020-industrial-blueprints.txt', 'utf8'))
    expect(doc.title).toBe('Shanxi releases 2020 industrial development blueprints')
  })

  it('GET /documents/:id returns 404 for an unknown document', async () => {
    await expectEnvelope(await fetch(`${server.url}/documents/no-such-doc`), 404, 'not_found')
  })

  it('GET /facts returns JSON', async () => {
    const res = await fetch(`${server.url}/facts`)
    expect(res.status).toBe(200)
    expect(await res.json()).toHaveProperty('facts')
  })

  it('GET /healthz reports mode and index', async () => {
    const body = await (await fetch(`${server.url}/healthz`)).json()
    expect(body).toMatchObject({ status: 'ok', mode: 'embedded', embedder: { id: 'local-hash-v1' }, index: { kind: 'hnswlib', documents: 1 } })
  })

  it('returns a 404 envelope, not HTML, for an unknown route', async () => {
    await expectEnvelope(await fetch(`${server.url}/no-such-route`), 404, 'not_found')
  })
})

describe('unexpected failures', () => {
  it('returns a 500 envelope without a stack and keeps serving', async () => {
    const services = await loadNodeServices(parseConfig({}))
    services.answerer = { ask: () => Promise.reject(new Error('secret internals at /src/x.ts:1')) }
    const broken = await startServer({}, services)
    try {
      const res = await postJson(`${broken.url}/ask`, { question: 'steel' })
      const raw = await res.text()
      expect(res.status).toBe(500)
      expect(JSON.parse(raw)).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } })
      expect(raw).not.toMatch(/secret|\.ts|at /)
      expect((await fetch(`${broken.url}/healthz`)).status).toBe(200)
    } finally {
      await broken.close()
    }
  })
})
