import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { GoldSetSchema } from '../../src/eval/gold.js'
import { runEval, THRESHOLDS } from '../../src/eval/run.js'
import { loadNodeServices } from '../../src/node/services.js'
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { extractiveModel } from '../helpers/scripted-model.js'
import { tempDir } from '../helpers/temp.js'

const run = promisify(execFile)
const gold = GoldSetSchema.parse(JSON.parse(readFileSync('tests/eval/gold.json', 'utf8')))
const evalCli = (args: string[], env: Record<string, string> = {}) =>
  run('npm', ['run', '-s', 'eval', '--', ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )

describe('the gold set', () => {
  it('has at least 60 questions covering every category the issue names', () => {
    expect(gold.length).toBeGreaterThanOrEqual(60)
    const categories = new Set(gold.map((g) => g.category))
    for (const c of ['direct', 'list', 'count', 'aggregate', 'paraphrase', 'typo', 'variant', 'chinese', 'unanswerable', 'near-miss', 'injection', 'follow-up']) {
      expect(categories).toContain(c)
    }
  })

  it('quotes only evidence that is verbatim in the document', () => {
    const text = readFileSync('corpus/shanxi-2020-industrial-blueprints.txt', 'utf8')
    for (const g of gold) for (const e of g.expect.evidence ?? []) expect(text, g.id).toContain(e)
  })
})

/**
 * Further sets, each written blind (by a writer who saw only the article and the schema, not the code or
 * other questions) and first run after the fixes prompted by the sets before it. Kept as regression
 * sets: their questions are no longer unseen.
 */
const HELD_OUT = readdirSync('tests/eval/heldout')
  .map((name) => /^set-(\d+)\.json$/.exec(name)?.[1])
  .filter((n): n is string => n !== undefined)
  .sort((a, b) => Number(a) - Number(b))
  .map((n) => `tests/eval/heldout/set-${n}.json`)

describe('the regression sets written blind', () => {
  it.each(HELD_OUT)('%s: accuracy ≥ 90%%, all citations valid, evidence verbatim', async (file) => {
    const set = GoldSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    const text = readFileSync('corpus/shanxi-2020-industrial-blueprints.txt', 'utf8')
    for (const g of set) for (const e of g.expect.evidence ?? []) expect(text, g.id).toContain(e)
    const services = await loadNodeServices(parseConfig({}))
    const overall = (await runEval(services.answerer, services.corpus, set)).summary.at(-1)!
    expect(overall.accuracy).toBeGreaterThanOrEqual(0.9)
    expect(overall.citationValidity).toBe(1)
  })
})

describe('evaluation on the embedded default', () => {
  it('meets the thresholds: accuracy ≥ 95%, all citations valid, every unanswerable question refused', async () => {
    const services = await loadNodeServices(parseConfig({}))
    const report = await runEval(services.answerer, services.corpus, gold)
    const overall = report.summary.at(-1)!
    expect(report.failures).toEqual([])
    expect(overall.accuracy).toBeGreaterThanOrEqual(THRESHOLDS.accuracy)
    expect(overall.citationValidity).toBe(1)
    expect(report.scores.filter((s) => gold.find((g) => g.id === s.id)!.expect.grounded === false).every((s) => s.refusalCorrect)).toBe(true)
  })

  it('npm run eval prints the per-category table and exits 0', async () => {
    const { code, stdout } = await evalCli([])
    expect(stdout).toMatch(/\| category \| n \| accuracy \| citation validity \| evidence coverage \| refusal accuracy \|/)
    expect(stdout).toMatch(/\| chinese \| \d+ \|/)
    expect(stdout).toMatch(/\| overall \| \d+ \| 100\.0% \| 100\.0% \|/)
    expect(code).toBe(0)
  })

  it('npm run eval exits non-zero when a gold answer is wrong', async () => {
    const { writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const path = join(tempDir('gold'), 'gold.json')
    const broken = gold.slice(0, 5).map((g, i) => (i === 0 ? { ...g, expect: { ...g.expect, all: ['Beijing'] } } : g))
    writeFileSync(path, JSON.stringify(broken))
    const { code, stderr } = await evalCli(['--gold', path])
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/below threshold: accuracy 0\.800 < 0\.95/)
  })
})

describe('npm run eval -- --llm', () => {
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI()
    fake.onChat(extractiveModel)
  })
  afterAll(() => fake.close())

  it('runs the gold set through the model path with every citation checked', async () => {
    const { code, stdout } = await evalCli(['--llm'], { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'scripted' })
    expect(stdout).toMatch(/llm mode \(scripted at http:\/\/127\.0\.0\.1:\d+\)/)
    expect(stdout).toMatch(/\| overall \| \d+ \| [\d.]+% \| 100\.0% \|/)
    expect(stdout).toMatch(/answer sources: .*llm \d+/)
    expect(code).toBe(0)
  })

  it('refuses to run without a model endpoint', async () => {
    const { code, stderr } = await evalCli(['--llm'], { OPENAI_BASE_URL: '', OPENAI_API_KEY: '' })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/--llm needs a model endpoint/)
  })
})
