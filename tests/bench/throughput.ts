import autocannon from 'autocannon'
import { serverArgs, spawnServer, tsxArgs, type ChildServer } from './processes.js'

export interface RouteThroughput {
  route: string
  requestsPerSecond: number
  p99: number
  errors: number
  non2xx: number
}

export interface ThroughputResult {
  connections: number
  seconds: number
  hello: RouteThroughput
  ceiling: RouteThroughput
  /** (c) on the service as configured by default: the answer cache on. */
  ask: RouteThroughput
  /** (c) with `ANSWER_CACHE_SIZE=0`: every question answered from scratch. */
  askUncached: RouteThroughput
  search: RouteThroughput
  requestBytes: number
  responseBytes: number
}

export interface ThroughputOptions {
  questions: readonly string[]
  /** A typical `/ask` response: the ceiling route returns it. */
  sampleResponse: unknown
  connections?: number
  seconds?: number
  warmupSeconds?: number
}

/**
 * One run, four routes, one after another, each server in its own child process so autocannon's
 * CPU is not charged to the server: (a) hello world and (b) JSON in/JSON out on a bare Hono app,
 * then (c) `POST /ask` and (d) `GET /search` on the real service, with the questions in rotation, and
 * (c) again on a service with the answer cache off.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const connections = options.connections ?? 50
  const seconds = options.seconds ?? 10
  const warmup = options.warmupSeconds ?? 2
  const bodies = options.questions.map((question) => JSON.stringify({ question }))
  const paths = options.questions.map((q) => `/search?q=${encodeURIComponent(q)}&k=5`)
  const responseText = JSON.stringify(options.sampleResponse)
  const rotate = <T>(list: readonly T[]) => {
    let i = 0
    return () => list[i++ % list.length]!
  }
  const json = { 'content-type': 'application/json' }
  const run = async (server: ChildServer, route: string, request: autocannon.Request) => {
    const opts = (duration: number): autocannon.Options => ({ url: server.url, connections, duration, requests: [request] })
    if (warmup > 0) await autocannon(opts(warmup))
    const r = await autocannon(opts(seconds))
    return { route, requestsPerSecond: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx }
  }
  const withServer = async <T>(args: string[], env: Record<string, string>, work: (s: ChildServer) => Promise<T>) => {
    const server = await spawnServer(args, env)
    try {
      return await work(server)
    } finally {
      await server.stop()
    }
  }
  const nextBody = rotate(bodies)
  const nextPath = rotate(paths)
  const ceilingBody = rotate(bodies)
  const [hello, ceiling] = await withServer(tsxArgs('tests/bench/ceiling-server.ts'), { BENCH_RESPONSE: responseText }, async (s) => [
    await run(s, 'GET /hello', { method: 'GET', path: '/hello' }),
    await run(s, 'POST /echo', { method: 'POST', path: '/echo', headers: json, setupRequest: (req) => ({ ...req, body: ceilingBody() }) }),
  ])
  const askRequest: autocannon.Request = { method: 'POST', path: '/ask', headers: json, setupRequest: (req) => ({ ...req, body: nextBody() }) }
  const [ask, search] = await withServer(serverArgs, {}, async (s) => [
    await run(s, 'POST /ask', askRequest),
    await run(s, 'GET /search', { method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) }),
  ])
  const askUncached = await withServer(serverArgs, { ANSWER_CACHE_SIZE: '0' }, (s) => run(s, 'POST /ask', askRequest))
  const requestBytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / bodies.length
  return { connections, seconds, hello: hello!, ceiling: ceiling!, ask: ask!, askUncached, search: search!, requestBytes, responseBytes: Buffer.byteLength(responseText) }
}
