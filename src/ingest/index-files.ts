import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
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
 * Writes index files atomically: every file goes to `<name>.tmp` first and is renamed into place
 * only when all are written, the manifest last. A crash before the renames leaves the old index whole.
 */
export async function writeIndex(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  await mkdir(dir, { recursive: true })
  await removeLeftovers(dir)
  const names = [...files.keys()].sort((a, b) => Number(a === MANIFEST) - Number(b === MANIFEST))
  for (const name of names) await writeFile(join(dir, `${name}.tmp`), files.get(name)!, { flush: true })
  for (const name of names) await rename(join(dir, `${name}.tmp`), join(dir, name))
}

async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true })
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

/** Reads the index and verifies every file against the manifest's checksums before anything parses it. */
export async function readIndexFiles(dir: string): Promise<IndexFiles> {
  const manifestBytes = await readFile(join(dir, MANIFEST)).catch((cause) => {
    throw new IndexError(`No index in ${dir} (${MANIFEST} is missing). Run \`npm run ingest\` to build it.`, { cause })
  })
  let manifest: Manifest
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest
  } catch (cause) {
    throw new IndexError(`${join(dir, MANIFEST)} is not valid JSON. Run \`npm run ingest\` to rebuild the index.`, { cause })
  }
  const contents = new Map<string, Buffer>()
  for (const [name, expected] of Object.entries(manifest.files ?? {})) {
    const path = join(dir, name)
    const bytes = await readFile(path).catch((cause) => {
      throw new IndexError(`Index file ${path} is missing. Run \`npm run ingest\` to rebuild the index.`, { cause })
    })
    if (bytes.byteLength !== expected.bytes || sha256(bytes) !== expected.sha256) {
      throw new IndexError(
        `Index file ${path} is corrupt or truncated (${bytes.byteLength} bytes, checksum mismatch). Run \`npm run ingest\` to rebuild the index.`,
      )
    }
    contents.set(name, bytes)
  }
  for (const name of [CORPUS_FILE, VECTORS_FILE, HNSW_FILE]) {
    if (!contents.has(name)) throw new IndexError(`${join(dir, MANIFEST)} does not list ${name}. Run \`npm run ingest\`.`)
  }
  const bundle = JSON.parse(contents.get(CORPUS_FILE)!.toString('utf8')) as IndexBundle
  const raw = contents.get(VECTORS_FILE)!
  const vectors = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength))
  return { manifest, bundle, vectors, hnswPath: join(dir, HNSW_FILE) }
}
