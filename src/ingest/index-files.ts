import { createHash } from 'node:crypto'
import { access, mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IndexBundle } from '../core/corpus.js'
import { DEFAULT_HNSW, HnswIndex, type HnswParams } from '../index/hnsw.js'
import { IndexError } from '../index/vector-index.js'
import type { BuiltIndex } from './build.js'

export const MANIFEST = 'manifest.json'
export const CORPUS_FILE = 'corpus.json'
export const VECTORS_FILE = 'vectors.bin'
export const HNSW_FILE = 'hnsw.bin'

export interface Manifest {
  format: 1
  embedder: { id: string; dimensions: number }
  chunking: IndexBundle['chunking']
  hnsw: HnswParams
  counts: { documents: number; sentences: number; chunks: number; facts: number }
  documents: Array<{ id: string; hash: string; sentences: number; chunks: number }>
  files: Record<string, { bytes: number; sha256: string }>
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Serialises a built index into its files, manifest last. Same input, same bytes. */
export async function renderIndex(built: BuiltIndex, hnswParams: HnswParams = DEFAULT_HNSW): Promise<Map<string, Uint8Array>> {
  const { bundle, vectors } = built
  const files = new Map<string, Uint8Array>()
  files.set(CORPUS_FILE, Buffer.from(`${JSON.stringify(bundle)}\n`))
  files.set(VECTORS_FILE, new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength))
  const scratch = await mkdtemp(join(tmpdir(), 'blueprint-hnsw-'))
  try {
    const index = await HnswIndex.build(vectors, bundle.embedder.dimensions, hnswParams)
    index.write(join(scratch, HNSW_FILE))
    files.set(HNSW_FILE, await readFile(join(scratch, HNSW_FILE)))
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  const manifest: Manifest = {
    format: 1,
    embedder: { id: bundle.embedder.id, dimensions: bundle.embedder.dimensions },
    chunking: bundle.chunking,
    hnsw: hnswParams,
    counts: {
      documents: bundle.documents.length,
      sentences: bundle.documents.reduce((n, d) => n + d.sentences.length, 0),
      chunks: bundle.documents.reduce((n, d) => n + d.chunks.length, 0),
      facts: Object.keys(bundle.facts).length,
    },
    documents: bundle.documents.map((d) => ({ id: d.id, hash: d.hash, sentences: d.sentences.length, chunks: d.chunks.length })),
    files: Object.fromEntries([...files].map(([name, bytes]) => [name, { bytes: bytes.byteLength, sha256: sha256(bytes) }])),
  }
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
  return files
}

/**
 * Writes index files crash-safely. Every file goes to `<name>.tmp` first, the manifest last; only
 * when all are on disk are they renamed into place, the manifest last. A crash while writing leaves
 * the old index whole; a crash between renames leaves a complete pending generation
 * (`manifest.json.tmp`) that `readIndexFiles` loads and the next ingest finishes.
 * `stepDelayMs` pauses between steps (a testing hook for the crash test).
 */
export async function writeIndex(dir: string, files: Map<string, Uint8Array>, options: { stepDelayMs?: number } = {}): Promise<void> {
  const pause = () => (options.stepDelayMs ? new Promise((r) => setTimeout(r, options.stepDelayMs)) : undefined)
  await mkdir(dir, { recursive: true })
  await settlePending(dir)
  const names = manifestLast([...files.keys()])
  for (const name of names) {
    await writeFile(join(dir, `${name}.tmp`), files.get(name)!, { flush: true })
    await pause()
  }
  for (const name of names) {
    await rename(join(dir, `${name}.tmp`), join(dir, name))
    if (name !== MANIFEST) await pause()
  }
}

const manifestLast = (names: string[]) => [...names].sort((a, b) => Number(a === MANIFEST) - Number(b === MANIFEST))

/** Finishes the renames of a complete pending generation, or removes the leftovers of an incomplete one. */
async function settlePending(dir: string): Promise<void> {
  const pending = await readGeneration(dir, true).catch(() => undefined)
  const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'))
  if (!pending) {
    for (const name of leftovers) await rm(join(dir, name), { force: true })
    return
  }
  for (const name of manifestLast(leftovers.map((n) => n.slice(0, -4)))) await rename(join(dir, `${name}.tmp`), join(dir, name))
}

/** Lists why the files in `dir` differ from a freshly rendered index; empty when current. */
export async function staleFiles(dir: string, files: Map<string, Uint8Array>): Promise<string[]> {
  const reasons: string[] = []
  for (const [name, bytes] of files) {
    const onDisk = await readFile(join(dir, name)).catch(() => undefined)
    if (!onDisk) reasons.push(`${name} is missing`)
    else if (!Buffer.from(bytes).equals(onDisk)) reasons.push(`${name} differs from a fresh build`)
  }
  return reasons
}

export interface IndexFiles {
  manifest: Manifest
  bundle: IndexBundle
  vectors: Float32Array
  hnswPath: string
}

export interface ReadOptions {
  /** false: verify `vectors.bin` without keeping it in memory (the Node server searches hnswlib's copy). */
  vectors?: boolean
}

/**
 * Reads the index and verifies every file against the manifest's checksums before anything parses
 * it. Files that are not kept in memory (`hnsw.bin`, which hnswlib reads itself, and `vectors.bin`
 * with `vectors: false`) are checksummed as a stream. If the committed index does not verify but a
 * complete pending generation does (ingest was killed between renames), that generation is loaded instead.
 */
export async function readIndexFiles(dir: string): Promise<IndexFiles>
export async function readIndexFiles(dir: string, options: { vectors: false }): Promise<Omit<IndexFiles, 'vectors'>>
export async function readIndexFiles(dir: string, options: ReadOptions = {}): Promise<Omit<IndexFiles, 'vectors'> & { vectors?: Float32Array }> {
  try {
    return await readGeneration(dir, false, options)
  } catch (error) {
    const pending = await readGeneration(dir, true, options).catch(() => undefined)
    if (pending) return pending
    throw error
  }
}

async function readGeneration(dir: string, pending: boolean, options: ReadOptions = {}) {
  const exists = (path: string) => access(path).then(() => true, () => false)
  const pathOf = async (name: string) => (pending && (await exists(join(dir, `${name}.tmp`))) ? join(dir, `${name}.tmp`) : join(dir, name))
  const manifestPath = join(dir, pending ? `${MANIFEST}.tmp` : MANIFEST)
  const manifestBytes = await readFile(manifestPath).catch((cause) => {
    throw new IndexError(`No index in ${dir} (${MANIFEST} is missing). Run \`npm run ingest\` to build it.`, { cause })
  })
  let manifest: Manifest
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest
  } catch (cause) {
    throw new IndexError(`${manifestPath} is not valid JSON. Run \`npm run ingest\` to rebuild the index.`, { cause })
  }
  if (manifest?.format !== 1 || !manifest.embedder || !manifest.counts || typeof manifest.files !== 'object' || manifest.files === null) {
    throw new IndexError(`${manifestPath} is not an index manifest this version understands. Run \`npm run ingest\` to rebuild the index.`)
  }
  for (const name of [CORPUS_FILE, VECTORS_FILE, HNSW_FILE]) {
    if (!manifest.files[name]) throw new IndexError(`${manifestPath} does not list ${name}. Run \`npm run ingest\`.`)
  }
  const inMemory = new Set([CORPUS_FILE, ...(options.vectors === false ? [] : [VECTORS_FILE])])
  let bundle: IndexBundle | undefined
  let raw: Buffer | undefined
  const paths = new Map<string, string>()
  for (const [name, expected] of Object.entries(manifest.files)) {
    const path = await pathOf(name)
    const missing = (cause: unknown) => {
      throw new IndexError(`Index file ${path} is missing. Run \`npm run ingest\` to rebuild the index.`, { cause })
    }
    const keep = inMemory.has(name)
    const bytes = keep ? await readFile(path).catch(missing) : undefined
    const { size, digest } = bytes ? { size: bytes.byteLength, digest: sha256(bytes) } : await streamedSha256(path).catch(missing)
    if (size !== expected?.bytes || digest !== expected.sha256) {
      throw new IndexError(`Index file ${path} is corrupt or truncated (${size} bytes, checksum mismatch). Run \`npm run ingest\` to rebuild the index.`)
    }
    if (name === CORPUS_FILE) bundle = JSON.parse(bytes!.toString('utf8')) as IndexBundle
    if (name === VECTORS_FILE) raw = bytes
    paths.set(name, path)
  }
  const vectors = raw && (raw.byteOffset % 4 === 0 ? new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4) : new Float32Array(Uint8Array.from(raw).buffer))
  return { manifest, bundle: bundle!, hnswPath: paths.get(HNSW_FILE)!, ...(vectors ? { vectors } : {}) }
}

/** SHA-256 and size of a file, read through one reused 1 MiB buffer so a large file never sits in memory. */
async function streamedSha256(path: string): Promise<{ size: number; digest: string }> {
  const hash = createHash('sha256')
  const buffer = Buffer.allocUnsafe(1 << 20)
  const file = await open(path, 'r')
  let size = 0
  try {
    let read = 0
    do {
      ;({ bytesRead: read } = await file.read(buffer, 0, buffer.byteLength, size))
      hash.update(buffer.subarray(0, read))
      size += read
    } while (read > 0)
  } finally {
    await file.close()
  }
  return { size, digest: hash.digest('hex') }
}
