import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { DOCUMENT_ID, DocumentMetadataSchema, DocumentTextSchema } from '../core/document-schema.js'
import type { CorpusDocument } from '../core/types.js'
import { check, CorpusError } from './validate.js'

export { CorpusError } from './validate.js'

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md'])
const NOT_DOCUMENTS = new Set(['README.md'])

export interface CorpusFiles {
  documents: CorpusDocument[]
  /** Raw, still unvalidated JSON of `<id>.facts.json` per document id. */
  facts: Record<string, unknown>
  /** Raw alias lexicons from `aliases*.json`, in file-name order. */
  aliases: Array<{ file: string; data: unknown }>
}

/** Reads every `.txt`/`.md` document with its `<id>.meta.json`, plus facts and alias files, sorted by name. */
export async function readCorpus(dir: string): Promise<CorpusFiles> {
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch (cause) {
    throw new CorpusError(`Cannot read the corpus folder ${dir}`, { cause })
  }
  const documents: CorpusDocument[] = []
  const facts: Record<string, unknown> = {}
  const aliases: CorpusFiles['aliases'] = []
  for (const name of names) {
    const ext = extname(name)
    if (!DOCUMENT_EXTENSIONS.has(ext) || NOT_DOCUMENTS.has(name)) continue
    const id = basename(name, ext)
    documents.push(await readDocument(dir, name, id))
    const factsFile = `${id}.facts.json`
    if (names.includes(factsFile)) facts[id] = await readJson(join(dir, factsFile))
  }
  for (const name of names.filter((n) => /^aliases.*\.json$/.test(n))) {
    aliases.push({ file: name, data: await readJson(join(dir, name)) })
  }
  if (documents.length === 0) throw new CorpusError(`No .txt or .md documents in ${dir}`)
  const dup = documents.find((d, i) => documents.findIndex((e) => e.id === d.id) !== i)
  if (dup) throw new CorpusError(`${dir}: two documents share the id "${dup.id}" (same name, different extension)`)
  return { documents, facts, aliases }
}

async function readDocument(dir: string, name: string, id: string): Promise<CorpusDocument> {
  if (!DOCUMENT_ID.test(id)) {
    throw new CorpusError(`${join(dir, name)}: file name must be kebab-case (a-z, 0-9 and dashes) to serve as the document id`)
  }
  const bytes = await readFile(join(dir, name))
  const text = new TextDecoder('utf-8').decode(bytes)
  const metaPath = join(dir, `${id}.meta.json`)
  check(DocumentTextSchema, text, join(dir, name))
  const metadata = check(DocumentMetadataSchema, await readJson(metaPath, `${join(dir, name)} has no metadata file ${id}.meta.json`), metaPath)
  return { id, title: metadata.title, text, metadata, hash: createHash('sha256').update(bytes).digest('hex') }
}

async function readJson(path: string, missing?: string): Promise<unknown> {
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch (cause) {
    throw new CorpusError(missing ?? `Cannot read ${path}`, { cause })
  }
  try {
    return JSON.parse(raw)
  } catch (cause) {
    throw new CorpusError(`${path}: invalid JSON (${(cause as Error).message})`, { cause })
  }
}
