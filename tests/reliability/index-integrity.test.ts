import { createHash } from 'node:crypto'
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { loadNodeServices } from '../../src/node/services.js'
import { spawnChild, waitFor } from '../helpers/child.js'
import { tempDir } from '../helpers/temp.js'

/** A copy of the committed index in a scratch directory. */
function scratchIndex(): string {
  const dir = tempDir('integrity')
  cpSync('index', dir, { recursive: true })
  return dir
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))

/** Rewrites a file and updates its checksum in the manifest, so only the file's own parser can object. */
function tamperWithMatchingChecksum(dir: string, name: string, bytes: Buffer): void {
  writeFileSync(join(dir, name), bytes)
  const manifest = manifestOf(dir)
  manifest.files[name] = { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
}

const flipByte = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes)
  copy[at] = copy[at]! ^ 0xff
  return copy
}

const breakages: Array<[string, (dir: string) => void, RegExp]> = [
  ['a truncated corpus.json', (d) => writeFileSync(join(d, 'corpus.json'), readFileSync(join(d, 'corpus.json')).subarray(0, 500)), /corpus\.json is corrupt or truncated/],
  ['a corrupted byte in vectors.bin', (d) => writeFileSync(join(d, 'vectors.bin'), flipByte(readFileSync(join(d, 'vectors.bin')), 100)), /vectors\.bin is corrupt or truncated/],
  ['a missing hnsw.bin', (d) => rmSync(join(d, 'hnsw.bin')), /hnsw\.bin is missing/],
  ['a missing manifest', (d) => rmSync(join(d, 'manifest.json')), /No index in .*manifest\.json is missing/],
  ['a manifest that is not JSON', (d) => writeFileSync(join(d, 'manifest.json'), '{"format": 1, "fi'), /manifest\.json is not valid JSON/],
  ['a manifest of another format', (d) => writeFileSync(join(d, 'manifest.json'), '{"format": 2}'), /not an index manifest this version understands/],
  ['a truncated hnsw.bin whose checksum was forged', (d) => tamperWithMatchingChecksum(d, 'hnsw.bin', readFileSync(join(d, 'hnsw.bin')).subarray(0, 4000)), /Could not read the hnswlib index/],
  ['a corrupted hnsw.bin header whose checksum was forged', (d) => tamperWithMatchingChecksum(d, 'hnsw.bin', flipByte(readFileSync(join(d, 'hnsw.bin')), 11)), /Could not read the hnswlib index/],
]

describe.concurrent('npm start with a damaged index', () => {
  it.each(breakages)('exits non-zero with a clear message for %s, never a native crash', async (_, breakIt, message) => {
    const dir = scratchIndex()
    breakIt(dir)
    const child = spawnChild('npm', ['start', '--silent'], { INDEX_DIR: dir, PORT: '0' })
    const { code, signal } = await child.exited
    expect(signal).toBeNull()
    expect(code).toBe(1)
    expect(child.stderr()).toMatch(/^blueprint-qa failed to start: /m)
    expect(child.stderr()).toMatch(message)
    expect(child.stderr()).toMatch(/npm run ingest/)
    expect(child.stderr()).not.toMatch(/Segmentation|core dumped|Abort/i)
  })
})

/** A scratch corpus with a built index, plus one new document so the next ingest writes different files. */
async function builtScratch() {
  const root = tempDir('ingest-kill')
  const env = { CORPUS_DIR: join(root, 'corpus'), INDEX_DIR: join(root, 'index') }
  cpSync('corpus', env.CORPUS_DIR, { recursive: true })
  cpSync('index', env.INDEX_DIR, { recursive: true })
  writeFileSync(join(env.CORPUS_DIR, 'water-plan.md'), '# Water plan\n\nThe province will build 3 reservoirs in Datong by 2025.\n')
  writeFileSync(join(env.CORPUS_DIR, 'water-plan.meta.json'), JSON.stringify({ title: 'Water plan', source: 'test', date: '2021', language: 'en' }))
  const before = new Map(readdirSync(env.INDEX_DIR).map((name) => [name, readFileSync(join(env.INDEX_DIR, name))]))
  return { env, before }
}

/** Runs `npm run ingest` slowly and SIGKILLs its whole process tree once `killWhen` sees the index directory in the right state. */
async function killIngestWhen(env: Record<string, string>, killWhen: (files: string[]) => boolean) {
  const child = spawnChild('npm', ['run', '-s', 'ingest'], { ...env, INGEST_WRITE_DELAY_MS: '300' })
  await waitFor(() => killWhen(readdirSync(env.INDEX_DIR!)), 30_000, 'ingest to reach the kill point')
  process.kill(-child.proc.pid!, 'SIGKILL')
  expect((await child.exited).signal).toBe('SIGKILL')
}

describe('killing npm run ingest', () => {
  it('while it writes leaves the previous index byte-for-byte intact and loadable', async () => {
    const { env, before } = await builtScratch()
    await killIngestWhen(env, (files) => files.includes('vectors.bin.tmp'))
    for (const [name, bytes] of before) expect(readFileSync(join(env.INDEX_DIR, name)).equals(bytes), name).toBe(true)
    const services = await loadNodeServices(parseConfig(env))
    expect(services.corpus.documents.map((d) => d.id)).toEqual(['shanxi-2020-industrial-blueprints'])
  })

  it('between renames leaves a complete new generation that loads and that the next ingest finishes', async () => {
    const { env } = await builtScratch()
    await killIngestWhen(env, (files) => files.includes('manifest.json.tmp') && !files.includes('corpus.json.tmp') && files.includes('hnsw.bin.tmp'))
    const services = await loadNodeServices(parseConfig(env))
    expect(services.corpus.documents.map((d) => d.id).sort()).toEqual(['shanxi-2020-industrial-blueprints', 'water-plan'])
    const check = spawnChild('npm', ['run', '-s', 'ingest'], env)
    expect((await check.exited).code).toBe(0)
    expect(readdirSync(env.INDEX_DIR).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(existsSync(join(env.INDEX_DIR, 'manifest.json'))).toBe(true)
    expect((await loadNodeServices(parseConfig(env))).corpus.documents).toHaveLength(2)
  })
})
