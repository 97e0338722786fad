import type * as z from 'zod'
import type { CorpusDocument } from '../core/types.js'
import { LexiconSchema, mergeLexicons, type Lexicon } from '../facts/lexicon.js'
import { resolveFacts } from '../facts/resolve.js'
import { FactsFileSchema, type ResolvedFacts } from '../facts/schema.js'

export class CorpusError extends Error {
  override name = 'CorpusError'
}

/** Validates with zod and throws a CorpusError naming the file and each problem. */
export function check<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const problems = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
  throw new CorpusError(`${file}: ${problems.join('; ')}`)
}

/** Validates every facts file and checks each evidence quote against its document's text. */
export function validateFacts(documents: readonly CorpusDocument[], raw: Record<string, unknown>): Record<string, ResolvedFacts> {
  const out: Record<string, ResolvedFacts> = {}
  for (const [id, data] of Object.entries(raw)) {
    const file = `${id}.facts.json`
    const doc = documents.find((d) => d.id === id)
    if (!doc) throw new CorpusError(`${file}: there is no document "${id}" for these facts`)
    try {
      out[id] = resolveFacts(id, doc.text, check(FactsFileSchema, data, file), file)
    } catch (error) {
      throw error instanceof CorpusError ? error : new CorpusError((error as Error).message)
    }
  }
  return out
}

/** Validates and merges the alias lexicons (`aliases*.json`). */
export function validateAliases(files: ReadonlyArray<{ file: string; data: unknown }>): Lexicon {
  return mergeLexicons(files.map(({ file, data }) => check(LexiconSchema, data, file)))
}
