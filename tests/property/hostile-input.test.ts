import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Corpus } from '../../src/core/corpus.js'
import { appWith, baseServices } from '../helpers/app.js'
import { parseConfig } from '../../src/config.js'
import { silentLogger } from '../../src/http/logger.js'
import { startNodeServer, type NodeServer } from '../../src/node/server.js'
import { hostile, type Hostile } from './hostile.js'
import { PROPERTY_ENV, ROUTES, type RouteUnderTest } from './routes.js'

/** Generated cases per route: most in-process through `app.request`, a share over a real socket. */
const IN_PROCESS_RUNS = Math.ceil(9_000 / ROUTES.length)
const SOCKET_RUNS = Math.ceil(1_200 / ROUTES.length)
const SEED = Number(process.env.FC_SEED ?? 20260901)

let corpus: Corpus
let vocabulary: string[]
let cases = 0
const statuses = new Map<number, number>()
let answered = 0

beforeAll(async () => {
  corpus = (await baseServices()).corpus
  vocabulary = [...new Set(corpus.documents.flatMap((d) => d.text.match(/[A-Za-z][a-z]{3,}/g) ?? []))].sort()
})

/** Reports a failure briefly: the seed and path to replay it, the error, and the start of the counterexample. */
const reporter = (run: fc.RunDetails<[Hostile]>) => {
  if (!run.failed) return
  const [h] = run.counterexample ?? []
  const preview = h ? JSON.stringify({ ...h, body: new TextDecoder().decode(h.body) }).slice(0, 400) : 'none'
  throw new Error(`Property failed (seed ${run.seed}, path "${run.counterexamplePath}"): ${String(run.errorInstance).slice(0, 600)}\ncounterexample: ${preview}`)
}

/** The contract for any response to any input: no 5xx; JSON (or an empty 2xx acknowledgement, as Slack expects); the error envelope on failure. */
async function expectContract(route: RouteUnderTest, res: Response): Promise<void> {
  cases++
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
  const raw = await res.text()
  expect(res.status, `${route.name} answered ${res.status}: ${raw.slice(0, 200)}`).toBeLessThan(500)
  expect(res.headers.get('x-request-id')).toBeTruthy()
  if (route.sse && res.status === 200) {
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const events = [...raw.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map(([, event, data]) => ({ event, data: JSON.parse(data!) as unknown }))
    expect(events.at(-1)?.event).toBe('done')
    for (const { event, data } of events) if (event === 'done') noteAnswer(route, data)
    return
  }
  if (res.status < 300 && raw === '') return
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = JSON.parse(raw) as Record<string, unknown>
  if (res.status >= 400) {
    expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
    return
  }
  noteAnswer(route, body)
}

function noteAnswer(route: RouteUnderTest, body: unknown): void {
  route.check?.(body, corpus)
  if ((body as { grounded?: boolean }).grounded) answered++
}

describe.each(ROUTES)('$name under hostile input', (route) => {
  it(`never answers 5xx or non-JSON, and cites exactly, over ${IN_PROCESS_RUNS} in-process cases`, async () => {
    const app = await appWith(PROPERTY_ENV)
    await fc.assert(
      fc.asyncProperty(hostile(vocabulary), async (h) => {
        const { path, init } = route.build(h)
        await expectContract(route, await app.request(path, init))
      }),
      { numRuns: IN_PROCESS_RUNS, seed: SEED, endOnFailure: true, reporter },
    )
  }, 120_000)

  describe('over a real socket', () => {
    let server: NodeServer
    let url: string
    beforeAll(async () => {
      server = await startNodeServer({ ...(await baseServices()), config: parseConfig({ ...PROPERTY_ENV, PORT: '0' }) }, silentLogger)
      url = `http://127.0.0.1:${server.port}`
    })
    afterAll(() => server.close(1000))

    it(`holds the same contract over ${SOCKET_RUNS} cases`, async () => {
      await fc.assert(
        fc.asyncProperty(hostile(vocabulary), async (h) => {
          const { path, init } = route.build(h)
          await expectContract(route, await fetch(`${url}${path}`, init))
        }),
        { numRuns: SOCKET_RUNS, seed: SEED + 1, endOnFailure: true, reporter },
      )
    }, 120_000)
  })
})

describe('the property run', () => {
  it('generated at least 10,000 cases, many of them answered', () => {
    console.log(`property cases: ${cases} over ${ROUTES.map((r) => r.name).join(', ')}; grounded answers: ${answered}; statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`)
    expect(cases).toBeGreaterThanOrEqual(10_000)
    expect(answered).toBeGreaterThan(300)
  })
})
