import { FREE_PLAN_CPU_MS, measureWorkerCpu, type Distribution } from './worker-cpu.js'

const ms = (n: number) => `${n.toFixed(2)} ms`
const line = (d: Distribution) => `p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)} (n=${d.count})`

try {
  const r = await measureWorkerCpu({ workerd: !process.argv.includes('--no-workerd') })
  console.log(`Worker CPU per embedded-mode /ask (${r.questions}); free-plan budget ${FREE_PLAN_CPU_MS} ms`)
  console.log(`  global scope (parse bundled index): ${ms(r.globalScopeMs)}`)
  console.log(`  first request (builds services):    ${ms(r.firstRequestMs)}`)
  console.log(`  warm requests, CPU:                 ${line(r.cpu)}; ${r.overBudget} over ${FREE_PLAN_CPU_MS} ms`)
  if (r.workerd) {
    const w = r.workerd
    console.log(`In real workerd (wrangler dev, LOG_LEVEL=silent), CPU of the workerd process (Linux schedstat; includes workerd's HTTP handling):`)
    console.log(`  first request in a fresh isolate:   ${line(w.firstRequest)}`)
    console.log(`  warm requests, CPU:                 ${line(w.cpu)}; ${w.overBudget} over ${FREE_PLAN_CPU_MS} ms`)
    console.log(`  GET /healthz, CPU (the floor):      ${ms(w.healthzMs)}`)
    console.log(`  warm requests, wall time:           ${line(w.wall)} (HTTP round trip through wrangler dev)`)
  }
} catch (error) {
  console.error(`worker benchmark failed: ${(error as Error).message}`)
  process.exitCode = 1
}
