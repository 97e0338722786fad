import { Hono } from 'hono'
import { clampK, type Passage } from '../../core/retriever.js'
import type { Services } from '../../services.js'
import { SearchQuerySchema } from '../schemas.js'
import { validate } from '../validate.js'

export function searchRoutes({ retriever }: Services) {
  return new Hono().get('/search', validate('query', SearchQuerySchema), async (c) => {
    const { q, k } = c.req.valid('query')
    const passages = await retriever.search(q, clampK(k))
    return c.json({ query: q, results: searchResults(passages) })
  })
}

/** Ranked passages as `/search` returns them; the MCP `search_passages` tool returns the same. */
export const searchResults = (passages: readonly Passage[]) =>
  passages.map((p, i) => ({
    rank: i + 1,
    chunkId: p.chunk.id,
    documentId: p.chunk.documentId,
    title: p.title,
    start: p.chunk.start,
    end: p.chunk.end,
    text: p.text,
    score: p.score,
    lexicalScore: p.lexicalScore,
    vectorScore: p.vectorScore,
  }))
