import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { parseConfig } from '../config.js'
import { GoldSetSchema } from '../eval/gold.js'
import { runEval, THRESHOLDS } from '../eval/run.js'
import { formatTable } from '../eval/score.js'
import { loadNodeServices } from '../node/services.js'

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: 'tests/eval/gold.json' },
    llm: { type: 'boolean', default: false },
    'min-accuracy': { type: 'string' },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
})

try {
  const config = parseConfig(process.env)
  if (values.llm && !config.llmEnabled) throw new Error('--llm needs a model endpoint: set OPENAI_BASE_URL and/or OPENAI_API_KEY (and OPENAI_MODEL)')
  if (!values.llm && config.llmEnabled) console.log('note: a model endpoint is configured, so this measures the model path; unset OPENAI_* for the embedded default')
  const gold = GoldSetSchema.parse(JSON.parse(await readFile(values.gold!, 'utf8')))
  const services = await loadNodeServices(config)
  // A model's wording is not ours to fix: in --llm mode only citation validity is enforced unless asked.
  const accuracy = values['min-accuracy'] !== undefined ? Number(values['min-accuracy']) : values.llm ? 0 : THRESHOLDS.accuracy
  const report = await runEval(services.answerer, services.corpus, gold, { ...THRESHOLDS, accuracy, refusal: values.llm ? 0 : THRESHOLDS.refusal })
  console.log(`eval: ${gold.length} questions, ${services.info.mode} mode${services.info.llm ? ` (${services.info.llm.model} at ${services.info.llm.endpoint})` : ''}\n`)
  console.log(formatTable(report.summary))
  const sources = count(report.responses.map((r) => r.source + (r.fallbackReason ? ` (fallback: ${r.fallbackReason})` : '')))
  console.log(`\nanswer sources: ${Object.entries(sources).map(([k, n]) => `${k} ${n}`).join(', ')}`)
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

function count(items: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const i of items) out[i] = (out[i] ?? 0) + 1
  return out
}
