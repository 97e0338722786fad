import { createHash } from 'node:crypto'
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
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

/**
 * Reads the index and verifies every file against the manifest's checksums before anything parses
 * it. If the committed index does not verify but a complete pending generation does (ingest was
 * killed between renames), that generation is loaded instead.
 */
export async function readIndexFiles(dir: string): Promise<IndexFiles> {
  try {
    return await readGeneration(dir, false)
  } catch (error) {
    const pending = await readGeneration(dir, true).catch(() => undefined)
    if (pending) return pending
    throw error
  }
}

async function readGeneration(dir: string, pending: boolean): Promise<IndexFiles> {
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
  const contents = new Map<string, Buffer>()
  const paths = new Map<string, string>()
  for (const [name, expected] of Object.entries(manifest.files)) {
    const path = await pathOf(name)
    const bytes = await readFile(path).catch((cause) => {
      throw new IndexError(`Index file ${path} is missing. Run \`npm run ingest\` to rebuild the index.`, { cause })
    })
    if (bytes.byteLength !== expected?.bytes || sha256(bytes) !== expected.sha256) {
      throw new IndexError(
        `Index file ${path} is corrupt or truncated (${bytes.byteLength} bytes, checksum mismatch). Run \`npm run ingest\` to rebuild the index.`,
      )
    }
    contents.set(name, bytes)
    paths.set(name, path)
  }
  for (const name of [CORPUS_FILE, VECTORS_FILE, HNSW_FILE]) {
    if (!contents.has(name)) throw new IndexError(`${manifestPath} does not list ${name}. Run \`npm run ingest\`.`)
  }
  const bundle = JSON.parse(contents.get(CORPUS_FILE)!.toString('utf8')) as IndexBundle
  const raw = contents.get(VECTORS_FILE)!
  const vectors = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength))
  return { manifest, bundle, vectors, hnswPath: paths.get(HNSW_FILE)! }
}
