import type { Context, MiddlewareHandler } from 'hono'

const utf8 = new TextDecoder()

/**
 * Rejects bodies over `maxBytes` by `Content-Length`, or, for chunked bodies, while reading them.
 * A chunked body that fits is kept in Hono's body cache, so handlers read it as usual. Unlike
 * `hono/body-limit`, it never re-wraps the request in a new `Request`, which on Node 20 retains
 * memory for every chunked request.
 */
export function bodyLimit(maxBytes: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    // Headers first: touching `c.req.raw.body` makes @hono/node-server build a full `Request` and a stream.
    const declared = c.req.header('content-length')
    if (declared !== undefined) return Number(declared) > maxBytes ? onError(c) : next()
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const body = c.req.raw.body
    if (!body) return next()
    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      total += read.value.byteLength
      if (total > maxBytes) {
        await reader.cancel().catch(() => {})
        return onError(c)
      }
      chunks.push(read.value)
    }
    const bytes = new Uint8Array(total)
    let offset = 0
    for (const chunk of chunks) bytes.set(chunk, (offset += chunk.byteLength) - chunk.byteLength)
    // Hono caches body promises (its types say values); `c.req.json()` and friends read from here.
    // The text too: from only the bytes, Hono would decode them through one more `Response` and stream.
    const cache = c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer>; text?: Promise<string> }
    cache.arrayBuffer = Promise.resolve(bytes.buffer)
    cache.text = Promise.resolve(utf8.decode(bytes))
    return next()
  }
}
