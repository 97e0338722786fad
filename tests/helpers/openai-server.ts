import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  path: string
  body: any
  headers: IncomingMessage['headers']
}

export type ChatHandler = (body: any, req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export interface FakeOpenAI {
  url: string
  requests: RecordedRequest[]
  /** Replaces the handler of `/v1/chat/completions`. */
  onChat(handler: ChatHandler): void
  close(): Promise<void>
}

/** A deterministic toy embedding: bag of letters, so the same text always gets the same vector. */
export function toyEmbedding(text: string, dims = 32): number[] {
  const v = new Array<number>(dims).fill(0)
  for (const ch of text.toLowerCase()) if (/[a-z]/.test(ch)) v[ch.charCodeAt(0) % dims]! += 1
  return v
}

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: `/v1/embeddings` answers with
 * toy vectors, `/v1/chat/completions` with whatever the test scripts via `onChat`.
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = []
  let chat: ChatHandler = (_body, _req, res) => json(res, 500, { error: { message: 'no chat handler scripted' } })
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const body = raw ? JSON.parse(raw) : undefined
    const path = (req.url ?? '').replace(/\?.*$/, '')
    requests.push({ path, body, headers: req.headers })
    if (path.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input]
      return json(res, 200, {
        object: 'list',
        model: body.model,
        data: inputs.map((input, index) => {
          const vector = toyEmbedding(String(input))
          const embedding = body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector
          return { object: 'embedding', index, embedding }
        }),
        usage: { prompt_tokens: 0, total_tokens: 0 },
      })
    }
    if (path.endsWith('/chat/completions')) return chat(body, req, res)
    json(res, 404, { error: { message: `no route ${path}` } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    onChat: (handler) => void (chat = handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
