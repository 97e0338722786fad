import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Answerer } from '../../src/answer/answerer.js'
import { parseConfig } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { silentLogger } from '../../src/http/logger.js'
import { loadNodeServices } from '../../src/node/services.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

type App = ReturnType<typeof createApp>
let app: App

beforeAll(async () => {
  // No answer cache: every request runs the whole answer path. Declared cancellable (as a model
  // answerer is), so every request also makes its deadline signal and listens to the client's.
  const services = await loadNodeServices(parseConfig({ ANSWER_CACHE_SIZE: '0' }))
  const offline = services.answerer
  const cancellable: Answerer = { cancellable: true, ask: (input, signal) => offline.ask(input, signal) }
  app = createApp({ ...services, answerer: cancellable }, { logger: silentLogger })
})

/** A JSON body sent without Content-Length, as a stream: the path `hono/body-limit` leaked on. */
const chunkedAsk = (question: string) =>
  app.request('/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new Blob([JSON.stringify({ question })]).stream(),
    duplex: 'half',
  } as RequestInit)

const heapAfterGc = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('memory per request', () => {
  it('does not grow the heap over thousands of requests (sized and chunked bodies, event streams, deadline and client signals)', async () => {
    const questions = ['Which cities host kaolin clusters?', 'How many clusters are there?', 'What does Datong host?']
    const round = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const question = questions[i % 3]!
        const body = JSON.stringify({ question })
        const json = { 'content-type': 'application/json' }
        // Sized bodies, chunked bodies, and event streams (which keep their deadline until they end).
        const res =
          i % 3 === 0
            ? await app.request('/ask', { method: 'POST', headers: json, body })
            : i % 3 === 1
              ? await chunkedAsk(question)
              : await app.request('/ask/stream', { method: 'POST', headers: json, body })
        expect(res.status).toBe(200)
        await res.arrayBuffer()
      }
    }
    await round(1000)
    const before = heapAfterGc()
    await round(4000)
    const grownMiB = (heapAfterGc() - before) / 2 ** 20
    // Each of the leaks fixed before (AbortSignal.any on Node 20, hono/body-limit re-wrapping chunked
    // requests, finished streams holding their deadline timer) added 8 MiB or more over these requests.
    expect(grownMiB).toBeLessThan(3)
  }, 60_000)
})
