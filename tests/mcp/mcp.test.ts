import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Citation, HistoryTurn } from '../../src/core/types.js'
import { startServer, type RunningServer } from '../helpers/server.js'

const BASE = 'https://qa.example.org'
const QUESTION = 'Which cities host kaolin clusters?'
const FOLLOW_UP = 'What about carbon clusters?'
const OFF_TOPIC = 'What is the population of Mars?'

let server: RunningServer
const clients: Record<'stdio' | 'http', Client> = {} as never
beforeAll(async () => {
  server = await startServer({ PUBLIC_BASE_URL: BASE })
  clients.http = new Client({ name: 'blueprint-qa-test', version: '1.0.0' })
  clients.stdio = new Client({ name: 'blueprint-qa-test', version: '1.0.0' })
  const stdio = new StdioClientTransport({
    command: 'npm',
    args: ['run', '--silent', 'mcp'],
    cwd: process.cwd(),
    env: { ...getDefaultEnvironment(), PUBLIC_BASE_URL: BASE },
    stderr: 'pipe',
  })
  await Promise.all([clients.http.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`))), clients.stdio.connect(stdio)])
})
afterAll(async () => {
  await Promise.all([clients.http?.close(), clients.stdio?.close()])
  await server?.close()
})

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult

/** The Sources list, written out here independently of the service's formatter. */
const sources = (citations: Citation[]) =>
  citations.length ? `\n\nSources:\n${citations.map((c) => `- [${c.id}] "${c.quote}" — ${c.title} (${BASE}/documents/${c.documentId}#${c.start}-${c.end})`).join('\n')}` : ''

const json = async (path: string) => (await fetch(`${server.url}${path}`)).json()

describe.each(['stdio', 'http'] as const)('the MCP server over %s', (transport) => {
  const client = () => clients[transport]

  it('lists the four tools, each with an input schema', async () => {
    const { tools } = await client().listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['ask_blueprint', 'get_document', 'lookup_facts', 'search_passages'])
    const ask = tools.find((t) => t.name === 'ask_blueprint')!
    expect(ask.inputSchema).toMatchObject({ type: 'object', required: ['question'], properties: { question: { type: 'string' }, history: { type: 'array' } } })
    expect(ask.outputSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['answer', 'grounded', 'citations']) })
  })

  it('ask_blueprint returns the answer, its citations and grounded exactly as the answerer does, with Sources as text', async () => {
    const expected = await server.services.answerer.ask({ question: QUESTION })
    expect(expected.grounded).toBe(true)
    const result = await call(client(), 'ask_blueprint', { question: QUESTION })
    expect(result.isError).toBeFalsy()
    expect(result.structuredContent).toEqual(expected)
    expect(result.content).toEqual([{ type: 'text', text: expected.answer + sources(expected.citations) }])
  })

  it('ask_blueprint uses the history for follow-up questions and refuses what the documents do not say', async () => {
    const first = await server.services.answerer.ask({ question: QUESTION })
    const history: HistoryTurn[] = [
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: first.answer },
    ]
    const followUp = await server.services.answerer.ask({ question: FOLLOW_UP, history })
    expect(followUp.answer).not.toBe((await server.services.answerer.ask({ question: FOLLOW_UP })).answer)
    expect((await call(client(), 'ask_blueprint', { question: FOLLOW_UP, history })).structuredContent).toEqual(followUp)
    const refusal = await call(client(), 'ask_blueprint', { question: OFF_TOPIC })
    expect(refusal.structuredContent).toEqual(await server.services.answerer.ask({ question: OFF_TOPIC }))
    expect(refusal.structuredContent).toMatchObject({ grounded: false, citations: [] })
    expect(refusal.content).toEqual([{ type: 'text', text: (refusal.structuredContent as { answer: string }).answer }])
  })

  it('ask_blueprint rejects an empty question as a tool error', async () => {
    const result = await call(client(), 'ask_blueprint', { question: '   ' })
    expect(result.isError).toBe(true)
    expect(JSON.stringify(result.content)).toMatch(/question must not be empty/)
  })

  it('search_passages returns what GET /search returns', async () => {
    const expected = await json('/search?q=kaolin%20clusters&k=3')
    const result = await call(client(), 'search_passages', { query: 'kaolin clusters', k: 3 })
    expect(result.structuredContent).toEqual(expected)
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(expected)
  })

  it('get_document returns the document as GET /documents/:id does, and a tool error for an unknown id', async () => {
    const id = server.services.corpus.documents[0]!.id
    const expected = await json(`/documents/${id}`)
    expect((await call(client(), 'get_document', { id })).structuredContent).toEqual(expected)
    const missing = await call(client(), 'get_document', { id: 'no-such-document' })
    expect(missing).toMatchObject({ isError: true, content: [{ type: 'text', text: 'No document with id "no-such-document"' }] })
  })

  it('lookup_facts finds an entity by name or Chinese alias with every fact about it and verbatim evidence', async () => {
    const facts = Object.values(server.services.facts).flatMap((d) => d.facts)
    const expectedIds = facts.filter((f) => f.subject === 'xinzhou' || f.objects.includes('xinzhou')).map((f) => f.id)
    expect(expectedIds.length).toBeGreaterThan(0)
    const byName = (await call(client(), 'lookup_facts', { entity: 'Xinzhou' })).structuredContent as any
    expect(byName.entities.map((e: any) => [e.id, e.type])).toEqual([['xinzhou', 'city']])
    expect(byName.facts.map((f: any) => f.id)).toEqual(expectedIds)
    for (const fact of byName.facts) {
      const text = server.services.corpus.document(fact.documentId)!.text
      for (const e of fact.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote)
    }
    expect((await call(client(), 'lookup_facts', { entity: '忻州' })).structuredContent).toEqual(byName)
  })

  it('lookup_facts filters by relation and by entity type, and lists both when called without arguments', async () => {
    const facts = Object.values(server.services.facts).flatMap((d) => d.facts)
    const located = (await call(client(), 'lookup_facts', { relation: 'located-in' })).structuredContent as any
    expect(located.facts.map((f: any) => f.id)).toEqual(facts.filter((f) => f.relation === 'located-in').map((f) => f.id))
    const cities = (await call(client(), 'lookup_facts', { type: 'city', relation: 'located-in' })).structuredContent as any
    const cityIds = Object.values(server.services.facts).flatMap((d) => d.entities.filter((e) => e.type === 'city').map((e) => e.id))
    expect(cities.entities.map((e: any) => e.id)).toEqual(cityIds)
    expect(cities.facts.every((f: any) => f.relation === 'located-in' && (f.subject.type === 'city' || f.objects.some((o: any) => o.type === 'city')))).toBe(true)
    const catalog = (await call(client(), 'lookup_facts', {})).structuredContent as any
    expect(catalog).toMatchObject({ entities: [], facts: [], relations: [...new Set(facts.map((f) => f.relation))].sort() })
    expect(catalog.types).toEqual(expect.arrayContaining(['city', 'cluster', 'industry']))
  })
})

describe('/mcp with API_KEYS', () => {
  let keyed: RunningServer
  beforeAll(async () => void (keyed = await startServer({ API_KEYS: 'mcp-key' })))
  afterAll(async () => keyed?.close())

  it('needs Authorization: Bearer with a configured key', async () => {
    const refused = new Client({ name: 'no-key', version: '1.0.0' })
    await expect(refused.connect(new StreamableHTTPClientTransport(new URL(`${keyed.url}/mcp`)))).rejects.toThrow(/unauthorized/i)
    const allowed = new Client({ name: 'with-key', version: '1.0.0' })
    await allowed.connect(new StreamableHTTPClientTransport(new URL(`${keyed.url}/mcp`), { requestInit: { headers: { Authorization: 'Bearer mcp-key' } } }))
    expect((await allowed.listTools()).tools).toHaveLength(4)
    await allowed.close()
  })

  it('answers GET /mcp with 405: the server is stateless and takes POST only', async () => {
    const res = await fetch(`${keyed.url}/mcp`, { headers: { Authorization: 'Bearer mcp-key', Accept: 'text/event-stream' } })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
  })
})
