import { expect } from 'vitest'
import type { Corpus } from '../../src/core/corpus.js'
import type { AskResponse } from '../../src/core/types.js'
import { slackHeaders, webhookHeaders } from '../helpers/signing.js'
import type { Hostile } from './hostile.js'

/** Secrets and loopback-only upstreams for the app under attack, so signed routes reach their handlers. */
export const PROPERTY_ENV = { WEBHOOK_SECRET: 'property-webhook-secret', SLACK_SIGNING_SECRET: 'property-slack-secret', SLACK_API_URL: 'http://127.0.0.1:9/api/' }

export interface RouteUnderTest {
  name: string
  /** Turns one generated attack into a request. */
  build: (h: Hostile) => { path: string; init?: RequestInit }
  /** Extra checks on a 2xx JSON body (on each `done` event's data for a stream). */
  check?: (body: unknown, corpus: Corpus) => void
  /** The route answers with Server-Sent Events. */
  sse?: boolean
}

const post = (path: string, h: Hostile) => ({
  path,
  init: { method: 'POST', headers: h.contentType ? { 'content-type': h.contentType } : {}, body: h.body } as RequestInit,
})

const decoded = (h: Hostile) => new TextDecoder().decode(h.body)

const signedWebhook = (h: Hostile) => {
  const request = post('/webhook', h)
  Object.assign(request.init.headers as Record<string, string>, webhookHeaders(PROPERTY_ENV.WEBHOOK_SECRET, decoded(h)))
  return request
}

const slackCommand = (h: Hostile) => {
  const body = `token=t&team_id=T1&channel_id=C1&user_id=U1&command=%2Fblueprint&response_url=http%3A%2F%2F127.0.0.1%3A9%2F&text=${h.query}`
  return { path: '/slack/commands', init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(PROPERTY_ENV.SLACK_SIGNING_SECRET, body) }, body } }
}

const slackEvent = (h: Hostile) => {
  const request = post('/slack/events', h)
  Object.assign(request.init.headers as Record<string, string>, slackHeaders(PROPERTY_ENV.SLACK_SIGNING_SECRET, decoded(h)))
  return request
}

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
  { name: 'POST /ask/stream', build: (h) => post('/ask/stream', h), check: expectExactCitations, sse: true },
  { name: 'GET /search', build: (h) => ({ path: `/search?q=${h.query}&k=${h.query.slice(0, 6)}` }), check: expectExactPassages },
  { name: 'POST /webhook (signed)', build: signedWebhook, check: expectExactCitations },
  { name: 'POST /slack/commands (signed)', build: slackCommand },
  { name: 'POST /slack/events (signed)', build: slackEvent },
]
