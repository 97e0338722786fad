import autocannon from 'autocannon'
import { spawn, execFileSync } from 'node:child_process'
import { createServer } from 'node:net'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '15' },
  },
})
const duration = Number(values.duration)
const connections = Number(values.connections)
const warmup = Number(values.warmup)

const QUESTIONS = [
  'Which cities host kaolin clusters?',
  'What will the coking industry focus on?',
  'Where are the aluminum industrial clusters?',
  'What does the blueprint say about steel?',
  'Which industries will Shanxi develop in 2020?',
  'What about architectural ceramics?',
  'How will the equipment manufacturing industry grow?',
  'What is the recipe for chocolate cake?',
  'Which cities have industrial glass clusters?',
  'What are the plans for the chemical industry?',
]

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const rssMiB = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024

const port = await freePort()
const url = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] })
const exited = new Promise<number | null>((resolve) => server.on('close', resolve))

for (let i = 0; ; i++) {
  if (i > 300) throw new Error('server did not start within 30 s')
  if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break
  await new Promise((r) => setTimeout(r, 100))
}

const requests = QUESTIONS.map((question) => ({ method: 'POST' as const, path: '/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) }))
const run = (seconds: number) => autocannon({ url, connections, duration: seconds, requests })

console.log(`load: POST /ask on ${url}, ${connections} connections, ${warmup} s warm-up then ${duration} s, ${QUESTIONS.length} rotating questions (server pid ${server.pid})`)
await run(warmup)
const rssStart = rssMiB(server.pid!)
const samples: number[] = []
const sampler = setInterval(() => samples.push(rssMiB(server.pid!)), Math.max(1000, (duration * 1000) / 12))
const result = await run(duration)
clearInterval(sampler)
const rssEnd = rssMiB(server.pid!)
server.kill('SIGTERM')
const code = await exited

const growth = ((rssEnd - rssStart) / rssStart) * 100
const errors = result.errors + result.timeouts
const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]))
console.log(`requests:      ${result.requests.total} in ${result.duration} s`)
console.log(`requests/s:    ${result.requests.average.toFixed(0)} (mean), ${result.requests.p50} (p50)`)
console.log(`latency:       p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
console.log(`errors:        ${errors} (${result.errors} errors, ${result.timeouts} timeouts)`)
console.log(`non-2xx:       ${result.non2xx}  status codes: ${JSON.stringify(statusCounts)}`)
console.log(`RSS:           ${rssStart.toFixed(1)} MiB after warm-up -> ${rssEnd.toFixed(1)} MiB at the end (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`)
console.log(`RSS samples:   ${samples.map((m) => m.toFixed(0)).join(' ')} MiB`)
console.log(`shutdown:      server exited with code ${code} after SIGTERM`)
const ok = errors === 0 && growth < 10 && (result.non2xx === 0 || Boolean(process.env.RATE_LIMIT_PER_MINUTE))
console.log(ok ? 'targets met: 0 errors, RSS growth < 10%' : 'TARGETS MISSED')
process.exitCode = ok ? 0 : 1
