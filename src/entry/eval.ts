import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { parseConfig } from '../config.js'
import { GoldSetSchema } from '../eval/gold.js'
import { runEval } from '../eval/run.js'
import { formatTable } from '../eval/score.js'
import { loadNodeServices } from '../node/services.js'

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: 'tests/eval/gold.json' },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
})

try {
  const gold = GoldSetSchema.parse(JSON.parse(await readFile(values.gold!, 'utf8')))
  const services = await loadNodeServices(parseConfig(process.env))
  const report = await runEval(services.answerer, services.corpus, gold)
  console.log(`eval: ${gold.length} questions, ${services.info.mode} mode\n`)
  console.log(formatTable(report.summary))
  const wrong = report.scores.filter((s) => s.problems.length)
  if (wrong.length) {
    console.log(`\n${wrong.length} item(s) with problems:`)
    for (const s of wrong) console.log(`- ${s.id}: ${s.problems.join('; ')}${values.verbose ? `\n  ${gold.find((g) => g.id === s.id)!.question}` : ''}`)
  }
  if (report.failures.length) {
    console.error(`\nbelow threshold: ${report.failures.join('; ')}`)
    process.exitCode = 1
  }
} catch (error) {
  console.error(`eval failed: ${(error as Error).message}`)
  process.exitCode = 1
}
