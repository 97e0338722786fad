import { expect } from 'vitest'
import type { Corpus } from '../../src/core/corpus.js'
import type { AskResponse } from '../../src/core/types.js'
import type { Hostile } from './hostile.js'

export interface RouteUnderTest {
  name: string
  /** Turns one generated attack into a request. */
  build: (h: Hostile) => { path: string; init?: RequestInit }
  /** Extra checks on a 2xx JSON body. */
  check?: (body: unknown, corpus: Corpus) => void
}

const post = (path: string, h: Hostile) => ({
  path,
  init: { method: 'POST', headers: h.contentType ? { 'content-type': h.contentType } : {}, body: h.body } as RequestInit,
})

/** Every citation quotes its document exactly and every `[n]` marker names a citation. */
export function expectExactCitations(body: unknown, corpus: Corpus): void {
  const { answer, grounded, citations } = body as AskResponse
  expect(typeof answer).toBe('string')
  expect(typeof grounded).toBe('boolean')
  for (const c of citations) expect(corpus.document(c.documentId)?.text.slice(c.start, c.end)).toBe(c.quote)
  const ids = new Set(citations.map((c) => c.id))
  for (const m of answer.matchAll(/\[(\d+)\]/g)) expect(ids.has(Number(m[1]))).toBe(true)
}

function expectExactPassages(body: unknown, corpus: Corpus): void {
  for (const r of (body as { results: Array<{ documentId: string; start: number; end: number; text: string }> }).results) {
    expect(corpus.document(r.documentId)?.text.slice(r.start, r.end)).toBe(r.text)
  }
}

/**
 * The routes the property tests attack. Adding a route is one line here; signed routes
 * (`/webhook`, `/slack/*`) build their request with a valid signature so the attack reaches the handler.
 */
export const ROUTES: RouteUnderTest[] = [
  { name: 'POST /ask', build: (h) => post('/ask', h), check: expectExactCitations },
  { name: 'GET /search', build: (h) => ({ path: `/search?q=${h.query}&k=${h.query.slice(0, 6)}` }), check: expectExactPassages },
]
