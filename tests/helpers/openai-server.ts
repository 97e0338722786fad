import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  path: string
  body: any
  headers: IncomingMessage['headers']
  /** Epoch ms when the request arrived. */
  at: number
  /** Epoch ms when the response was completely sent, if it was. */
  finishedAt?: number
  /** Resolves when the connection closes; `true` if the client went away before the response was complete. */
  closed: Promise<boolean>
}

export type ChatHandler = (body: any, req: IncomingMessage, res: ServerResponse) => void | Promise<void>
export type EmbedFunction = (text: string) => number[]

export interface FakeOpenAI {
  url: string
  requests: RecordedRequest[]
  /** Chat completion requests only. */
  readonly chats: RecordedRequest[]
  /** Replaces the handler of `/v1/chat/completions`. */
  onChat(handler: ChatHandler): void
  /** Replaces the embedding function of `/v1/embeddings` (default: `toyEmbedding`). */
  onEmbed(embed: EmbedFunction): void
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
  let embed: EmbedFunction = (text) => toyEmbedding(text)
  const server: Server = createServer(async (req, res) => {
    const closed = new Promise<boolean>((resolve) => res.on('close', () => resolve(!res.writableFinished)))
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const body = raw ? JSON.parse(raw) : undefined
    const path = (req.url ?? '').replace(/\?.*$/, '')
    const record: RecordedRequest = { path, body, headers: req.headers, at: Date.now(), closed }
    res.on('finish', () => (record.finishedAt = Date.now()))
    requests.push(record)
    if (path.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input]
      return json(res, 200, {
        object: 'list',
        model: body.model,
        data: inputs.map((input, index) => {
          const vector = embed(String(input))
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
    get chats() {
      return requests.filter((r) => r.path.endsWith('/chat/completions'))
    },
    onChat: (handler) => void (chat = handler),
    onEmbed: (fn) => void (embed = fn),
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

export interface ReplyOptions {
  /** Number of stream chunks the content is cut into (streaming requests only). */
  pieces?: number
  /** Pause before each stream chunk. */
  delayMs?: number
  /** Destroy the connection once this many characters of content were sent, without finishing the stream. */
  cutAt?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Replies to a chat completion with `content` as the assistant message, the way OpenAI does:
 * one JSON body, or `chat.completion.chunk` Server-Sent Events ending in `[DONE]` when `stream: true`.
 */
export async function reply(body: any, res: ServerResponse, content: string, options: ReplyOptions = {}): Promise<void> {
  const base = { id: 'chatcmpl-test', created: 1700000000, model: body.model }
  if (!body.stream) {
    const message = { role: 'assistant', content, refusal: null }
    return json(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }] })
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const send = (delta: object, finish: string | null) =>
    res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`)
  const sent = content.slice(0, options.cutAt ?? content.length)
  const pieces = Math.max(1, options.pieces ?? 4)
  const size = Math.ceil(sent.length / pieces)
  for (let i = 0; i < pieces; i++) {
    if (options.delayMs) await sleep(options.delayMs)
    if (res.destroyed) return
    send(i === 0 ? { role: 'assistant', content: sent.slice(0, size) } : { content: sent.slice(i * size, (i + 1) * size) }, null)
  }
  if (options.cutAt !== undefined) {
    await sleep(30)
    return void res.destroy()
  }
  send({}, 'stop')
  res.end('data: [DONE]\n\n')
}
