import { execFile } from 'node:child_process'
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { ingest } from '../../src/node/ingest.js'
import { loadNodeServices } from '../../src/node/services.js'
import type { IndexBundle } from '../../src/core/corpus.js'
import { queryEmbedderFor } from '../../src/embeddings/select.js'
import { FlatIndex } from '../../src/index/flat.js'
import { createServices } from '../../src/services.js'
import { comparisonQuestions } from '../worker/questions.js'
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { tempDir } from '../helpers/temp.js'

const run = promisify(execFile)

/** A scratch copy of the corpus with its own index directory. */
function scratch(): { corpusDir: string; indexDir: string; env: Record<string, string> } {
  const root = tempDir('ingest')
  const corpusDir = join(root, 'corpus')
  const indexDir = join(root, 'index')
  cpSync('corpus', corpusDir, { recursive: true })
  return { corpusDir, indexDir, env: { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir } }
}

const npmIngest = (args: string[], env: Record<string, string> = {}) =>
  run('npm', ['run', '-s', 'ingest', '--', ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )

describe('npm run ingest', () => {
  it('--check passes on the committed index', async () => {
    const { code, stdout } = await npmIngest(['--check'])
    expect(stdout).toMatch(/index\/ is current/)
    expect(code).toBe(0)
  })

  it('--check exits non-zero and names the stale files when a document changed', async () => {
    const s = scratch()
    await ingest(parseConfig(s.env))
    const path = join(s.corpusDir, 'shanxi-2020-industrial-blueprints.txt')
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nA sentence added later.\n`)
    const { code, stderr } = await npmIngest(['--check'], s.env)
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/index\/ is stale: corpus\.json differs/)
    expect(stderr).toMatch(/npm run ingest/)
  })

  it('writes byte-identical files on every run', async () => {
    const s = scratch()
    const first = await ingest(parseConfig(s.env))
    const second = await ingest(parseConfig(s.env))
    for (const [name, bytes] of first.files) expect(Buffer.from(second.files.get(name)!).equals(Buffer.from(bytes))).toBe(true)
    for (const name of readdirSync(s.indexDir)) expect(readFileSync(join('index', name)).equals(readFileSync(join(s.indexDir, name)))).toBe(true)
  })

  it('makes a dropped-in markdown document searchable', async () => {
    const s = scratch()
    writeFileSync(join(s.corpusDir, 'water-plan.md'), '# Water plan\n\nThe province will build 3 reservoirs in Datong by 2025.\n')
    writeFileSync(join(s.corpusDir, 'water-plan.meta.json'), JSON.stringify({ title: 'Water plan', source: 'test', date: '2021', language: 'en' }))
    await ingest(parseConfig(s.env))
    const services = await loadNodeServices(parseConfig(s.env))
    const [hit] = await services.retriever.search('reservoirs', 1)
    expect(hit!.chunk.documentId).toBe('water-plan')
  })

  it.each([
    ['no metadata file', (dir: string) => writeFileSync(join(dir, 'orphan.txt'), 'Some text.'), /orphan\.txt has no metadata file orphan\.meta\.json/],
    [
      'metadata without a title',
      (dir: string) => {
        writeFileSync(join(dir, 'bad.txt'), 'Some text.')
        writeFileSync(join(dir, 'bad.meta.json'), JSON.stringify({ title: '', source: 's', date: '2020', language: 'en' }))
      },
      /bad\.meta\.json: title: title must not be empty/,
    ],
    [
      'an empty document',
      (dir: string) => {
        writeFileSync(join(dir, 'empty.txt'), '  \n')
        writeFileSync(join(dir, 'empty.meta.json'), JSON.stringify({ title: 'E', source: 's', date: '2020', language: 'en' }))
      },
      /empty\.txt: document text is empty/,
    ],
    ['metadata that is not JSON', (dir: string) => (writeFileSync(join(dir, 'x.txt'), 'Text.'), writeFileSync(join(dir, 'x.meta.json'), '{nope')), /x\.meta\.json: invalid JSON/],
  ])('fails with a message naming the file for %s', async (_, breakIt, message) => {
    const s = scratch()
    breakIt(s.corpusDir)
    const { code, stderr } = await npmIngest([], s.env)
    expect(code).not.toBe(0)
    expect(stderr).toMatch(message)
  })
})

describe('loading the index', () => {
  it('refuses to start when the configured embedder differs, naming the rebuild command', async () => {
    await expect(loadNodeServices(parseConfig({ EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }))).rejects.toThrow(
      /built with the "local-hash-v1" embedder.*EMBEDDINGS=openai EMBEDDINGS_MODEL=text-embedding-3-small npm run ingest/,
    )
  })

  it('fails clearly on a truncated index file', async () => {
    const s = scratch()
    await ingest(parseConfig(s.env))
    const path = join(s.indexDir, 'hnsw.bin')
    writeFileSync(path, readFileSync(path).subarray(0, 100))
    await expect(loadNodeServices(parseConfig(s.env))).rejects.toThrow(/hnsw\.bin is corrupt or truncated.*npm run ingest/)
  })

  it('answers the gold set the same from the knowledge prepared at ingest as from knowledge derived at start-up', async () => {
    const bundle = JSON.parse(readFileSync('index/corpus.json', 'utf8')) as IndexBundle
    const vectors = readFileSync('index/vectors.bin')
    const servicesOf = (b: IndexBundle) =>
      createServices(parseConfig({}), b, new FlatIndex(new Float32Array(vectors.buffer, vectors.byteOffset, vectors.byteLength / 4), b.embedder.dimensions), queryEmbedderFor(parseConfig({}), b))
    const prepared = servicesOf(bundle)
    const derived = servicesOf({ ...bundle, prepared: undefined })
    const { cases } = comparisonQuestions()
    expect(cases.length).toBeGreaterThan(50)
    for (const item of cases) expect(await prepared.answerer.ask(item), item.question).toEqual(await derived.answerer.ask(item))
  })

  it('fails clearly when the index is missing', async () => {
    const s = scratch()
    await expect(loadNodeServices(parseConfig(s.env))).rejects.toThrow(/No index in .*npm run ingest/)
  })
})

describe('the openai embedder', () => {
  let fake: FakeOpenAI
  beforeAll(async () => (fake = await startFakeOpenAI()))
  afterAll(() => fake.close())

  it('builds and queries the index through OpenAIEmbeddings against a compatible server', async () => {
    const s = scratch()
    const env = { ...s.env, EMBEDDINGS: 'openai', OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test-key', EMBEDDINGS_MODEL: 'toy-embed' }
    await ingest(parseConfig(env))
    const manifest = JSON.parse(readFileSync(join(s.indexDir, 'manifest.json'), 'utf8'))
    expect(manifest.embedder).toEqual({ id: 'openai:toy-embed', dimensions: 32 })
    const services = await loadNodeServices(parseConfig(env))
    const before = fake.requests.length
    await services.retriever.search('kaolin', 3)
    const calls = fake.requests.slice(before)
    expect(calls.map((r) => r.path)).toEqual(['/v1/embeddings'])
    expect(calls[0]!.body.model).toBe('toy-embed')
    expect(calls[0]!.headers.authorization).toBe('Bearer test-key')
    rmSync(s.indexDir, { recursive: true })
  })
})
