import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseConfig } from '../config.js'
import { readIndexFiles } from '../ingest/index-files.js'

/** Writes `index/vectors.bin` as NDJSON for `wrangler vectorize insert`: one `{ id, values }` per chunk, id = chunk id. */
const out = process.argv[2] ?? 'dist/vectorize.ndjson'
try {
  const { manifest, vectors } = await readIndexFiles(parseConfig(process.env).indexDir)
  const { dimensions } = manifest.embedder
  const lines: string[] = []
  for (let id = 0; id * dimensions < vectors.length; id++) {
    lines.push(JSON.stringify({ id: String(id), values: Array.from(vectors.subarray(id * dimensions, (id + 1) * dimensions)) }))
  }
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, `${lines.join('\n')}\n`)
  console.log(`wrote ${out}: ${lines.length} vectors of ${dimensions} dimensions (${manifest.embedder.id})`)
  console.log(`next: npx wrangler vectorize create blueprint-qa --dimensions=${dimensions} --metric=cosine`)
  console.log(`      npx wrangler vectorize insert blueprint-qa --file=${out}`)
} catch (error) {
  console.error(`vectorize export failed: ${(error as Error).message}`)
  process.exitCode = 1
}
