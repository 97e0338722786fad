import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  path: string
  headers: IncomingHttpHeaders
  raw: string
  at: number
}

export type Responder = (req: Recorded, res: ServerResponse, index: number) => void

export interface Recorder {
  url: string
  requests: Recorded[]
  /** Replaces how requests are answered; the default is 200 `{"ok":true}`. */
  respond(handler: Responder): void
  close(): Promise<void>
}

export const reply = (res: ServerResponse, status: number, body: unknown = { ok: status < 400 }, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A real HTTP server on 127.0.0.1 that records every request (raw body included) and answers as scripted. */
export async function startRecorder(): Promise<Recorder> {
  const requests: Recorded[] = []
  let handler: Responder = (_req, res) => reply(res, 200)
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const recorded = { path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() }
    requests.push(recorded)
    handler(recorded, res, requests.length - 1)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (h) => void (handler = h),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Polls until `condition` holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
