import * as z from 'zod'

export const LexiconSchema = z.strictObject({
  spelling: z
    .strictObject({
      description: z.string().optional(),
      suffixes: z.array(z.tuple([z.string(), z.string()])).default([]),
      words: z.record(z.string(), z.string()).default({}),
    })
    .default({ suffixes: [], words: {} }),
  romanization: z
    .strictObject({ description: z.string().optional(), equivalents: z.array(z.tuple([z.string(), z.string()])).default([]) })
    .default({ equivalents: [] }),
  /** Character variants (traditional → simplified Chinese), applied before phrases. */
  characters: z
    .strictObject({ description: z.string().optional(), map: z.record(z.string(), z.string()).default({}) })
    .default({ map: {} }),
  synonyms: z.record(z.string(), z.string()).default({}),
  phrases: z.record(z.string(), z.string()).default({}),
  types: z.record(z.string(), z.array(z.string())).default({}),
  relations: z.record(z.string(), z.array(z.string())).default({}),
  measures: z.array(z.string()).default([]),
  generic: z.array(z.string()).default([]),
  /** Real words close to known ones that typo repair must leave alone: other provinces and cities ("Shaanxi", "Changzhi"). */
  distinct: z.array(z.string()).default([]),
  /** Names of cities, outside what the documents link as places: a park named after one ("Taiyuan …") is in it. */
  cities: z.array(z.string()).default([]),
})

export type Lexicon = z.output<typeof LexiconSchema>

export const EMPTY_LEXICON: Lexicon = LexiconSchema.parse({})

/** Merges several alias files; later files add to (and override single entries of) earlier ones. */
export function mergeLexicons(lexicons: readonly Lexicon[]): Lexicon {
  const out = structuredClone(EMPTY_LEXICON)
  for (const l of lexicons) {
    out.spelling.suffixes.push(...l.spelling.suffixes)
    Object.assign(out.spelling.words, l.spelling.words)
    out.romanization.equivalents.push(...l.romanization.equivalents)
    Object.assign(out.characters.map, l.characters.map)
    Object.assign(out.synonyms, l.synonyms)
    Object.assign(out.phrases, l.phrases)
    for (const [k, v] of Object.entries(l.types)) out.types[k] = [...(out.types[k] ?? []), ...v]
    for (const [k, v] of Object.entries(l.relations)) out.relations[k] = [...(out.relations[k] ?? []), ...v]
    out.measures.push(...l.measures)
    out.generic.push(...l.generic)
    out.distinct.push(...l.distinct)
    out.cities.push(...l.cities)
  }
  return out
}
