import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWranglerDev, type WranglerDev } from '../../src/node/wrangler.js'
import type { AskResponse } from '../../src/core/types.js'
import { postJson, startServer, type RunningServer } from '../helpers/server.js'
import { comparisonQuestions } from './questions.js'

let worker: WranglerDev
let node: RunningServer
beforeAll(async () => {
  ;[worker, node] = await Promise.all([startWranglerDev(), startServer()])
}, 90_000)
afterAll(async () => {
  await Promise.all([worker?.stop(), node?.close()])
})

const json = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  return res.json()
}

describe('the Worker in workerd (wrangler dev)', () => {
  it('get /healthz reports the flat index with the same corpus counts as Node', async () => {
    const res = await fetch(`${worker.url}/healthz`)
    expect(res.status).toBe(200)
    const body = await json(res)
    const nodeBody = await json(await fetch(`${node.url}/healthz`))
    expect(body).toMatchObject({ status: 'ok', mode: 'embedded', embedder: nodeBody.embedder })
    expect(body.index).toEqual({ ...nodeBody.index, kind: 'flat' })
  })

  it('post /ask answers with citations that are exact spans of the document', async () => {
    const res = await postJson(`${worker.url}/ask`, { question: 'Which cities host kaolin clusters?' })
    expect(res.status).toBe(200)
    const body = (await json(res)) as AskResponse
    const { text } = await json(await fetch(`${worker.url}/documents/shanxi-2020-industrial-blueprints`))
    expect(body.grounded).toBe(true)
    expect(body.answer).toMatch(/Xinzhou/)
    expect(body.citations.length).toBeGreaterThan(0)
    for (const c of body.citations) expect(text.slice(c.start, c.end)).toBe(c.quote)
  })

  it('post /ask returns the same 400 envelope as Node for an empty question', async () => {
    const res = await postJson(`${worker.url}/ask`, { question: '' })
    expect(res.status).toBe(400)
    expect(await json(res)).toEqual(await json(await postJson(`${node.url}/ask`, { question: '' })))
  })

  it('get /search ranks the same passages with the same scores as Node', async () => {
    const path = '/search?q=steel%20industrial%20parks&k=4'
    const body = await json(await fetch(`${worker.url}${path}`))
    const nodeBody = await json(await fetch(`${node.url}${path}`))
    expect(body.results.length).toBeGreaterThan(0)
    const shape = (r: Record<string, unknown>) => ({ ...r, score: expect.closeTo(r.score as number, 6), vectorScore: expect.closeTo(r.vectorScore as number, 5) })
    expect(body.results).toEqual(nodeBody.results.map(shape))
  })

  it('get /documents lists the same documents as Node', async () => {
    const res = await fetch(`${worker.url}/documents`)
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual(await json(await fetch(`${node.url}/documents`)))
  })

  it('get /documents/:id returns the not_found envelope for an unknown id', async () => {
    const res = await fetch(`${worker.url}/documents/nope`)
    expect(res.status).toBe(404)
    expect(await json(res)).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })

  it('get /widget.js serves the same FAQ widget script as Node, with CORS', async () => {
    const res = await fetch(`${worker.url}/widget.js`, { headers: { origin: 'https://news.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const script = await res.text()
    expect(script).toContain('blueprint-faq')
    expect(script).toBe(await (await fetch(`${node.url}/widget.js`)).text())
  })

  it('get /faq.json serves the same cited FAQ as Node', async () => {
    const res = await fetch(`${worker.url}/faq.json`)
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.items.length).toBeGreaterThanOrEqual(10)
    expect(body).toEqual(await json(await fetch(`${node.url}/faq.json`)))
  })

  it('get / serves the landing page that hosts the widget', async () => {
    const res = await fetch(`${worker.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toContain('<script src="/widget.js" defer></script>')
  })
})

describe('a misconfigured Worker', () => {
  it('answers 503 with the error envelope naming the configuration problem', async () => {
    const broken = await startWranglerDev({ vars: { EMBEDDINGS: 'openai' } })
    try {
      const res = await postJson(`${broken.url}/ask`, { question: 'Which cities host kaolin clusters?' })
      expect(res.status).toBe(503)
      expect(await json(res)).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/EMBEDDINGS=openai.*npm run ingest/) } })
    } finally {
      await broken.stop()
    }
  })
})

describe('Node equals Worker', () => {
  const { source, cases } = comparisonQuestions()

  it(`answers every question in ${source} identically: answer, citations, grounded and source`, async () => {
    expect(cases.length).toBeGreaterThan(0)
    const pick = ({ answer, citations, grounded, source }: AskResponse) => ({ answer, citations, grounded, source })
    for (const item of cases) {
      const [fromWorker, fromNode] = await Promise.all([postJson(`${worker.url}/ask`, item), postJson(`${node.url}/ask`, item)])
      expect(fromWorker.status, item.question).toBe(fromNode.status)
      expect(pick(await fromWorker.json()), item.question).toEqual(pick(await fromNode.json()))
    }
  })
})

describe('the OpenAI-compatible API and MCP on the Worker', () => {
  const QUESTION = 'Which cities host kaolin clusters?'

  it('streams the same chat completion content and citations as Node through the openai client', async () => {
    const completion = async (url: string) => {
      const stream = await new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 }).chat.completions.create({
        model: 'blueprint-qa',
        messages: [{ role: 'user', content: QUESTION }],
        stream: true,
      })
      let content = ''
      let citations: unknown
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta.content ?? ''
        if (chunk.choices[0]?.finish_reason) citations = (chunk as unknown as AskResponse).citations
      }
      return { content: content.replaceAll(url, '<base>'), citations }
    }
    const [onWorker, onNode] = await Promise.all([completion(worker.url), completion(node.url)])
    expect(onWorker).toEqual(onNode)
    expect(onWorker.content).toMatch(/\n\nSources:\n- \[1\] /)
  })

  it('answers MCP tool calls at /mcp exactly as Node does', async () => {
    const callOn = async (url: string) => {
      const client = new Client({ name: 'worker-test', version: '1.0.0' })
      await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)))
      const results = [
        await client.callTool({ name: 'ask_blueprint', arguments: { question: QUESTION } }),
        await client.callTool({ name: 'lookup_facts', arguments: { entity: '忻州' } }),
      ].map((r) => r.structuredContent)
      await client.close()
      return results
    }
    const [onWorker, onNode] = await Promise.all([callOn(worker.url), callOn(node.url)])
    expect(onWorker).toEqual(onNode)
    expect(onWorker[0]).toMatchObject({ grounded: true })
  })
})
