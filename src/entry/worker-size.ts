import { buildWorkerBundle, FREE_PLAN_GZIP_LIMIT } from '../node/wrangler.js'

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

try {
  const report = await buildWorkerBundle()
  for (const m of report.modules) console.log(`  ${m.name.padEnd(56)} ${kib(m.bytes).padStart(11)} ${kib(m.gzipBytes).padStart(11)} gzipped`)
  const verdict = report.gzipBytes <= FREE_PLAN_GZIP_LIMIT ? 'within' : 'OVER'
  console.log(`worker bundle: ${kib(report.bytes)}, ${kib(report.gzipBytes)} gzipped — ${verdict} the ${kib(FREE_PLAN_GZIP_LIMIT)} free-plan limit`)
  if (verdict === 'OVER') process.exitCode = 1
} catch (error) {
  console.error(`worker size check failed: ${(error as Error).message}`)
  process.exitCode = 1
}
