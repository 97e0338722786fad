/**
 * A seeded, deterministic synthetic corpus for scale benchmarks: plausible policy documents about
 * provinces, industries, clusters, cities and figures, each with a `.meta.json` and a
 * `.facts.json` whose planted facts quote the text verbatim, so the real ingest validates them.
 * Every document plants one uniquely named industrial park with its city and its plan; the
 * planted questions ask about those parks and know their answers.
 *
 *   const corpus = syntheticCorpus({ chunks: 1000, seed: 8 })
 *   await writeSyntheticCorpus('/tmp/syn', corpus)
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stem } from '../../src/core/text.js'
import { CITIES, CLUSTERS, INDUSTRIES, PLANS, PROVINCES, SYLLABLES, sentence } from './synthetic-text.js'

export interface PlantedQuestion {
  question: string
  documentId: string
  /** Strings the answer must contain. */
  expect: string[]
  /** The planted evidence; a citation must contain it. */
  evidence: string
}

export interface SyntheticDocument {
  id: string
  text: string
  meta: { title: string; source: string; date: string; language: string }
  facts: { entities: unknown[]; facts: unknown[] }
  chunks: number
}

export interface SyntheticCorpus {
  seed: number
  documents: SyntheticDocument[]
  chunks: number
  questions: PlantedQuestion[]
}

/** Sentences per chunk step with the default chunking (3 sentences, 1 overlap): chunks = ceil((s - 1) / 2). */
const chunksOf = (sentences: number) => (sentences <= 3 ? 1 : Math.ceil((sentences - 1) / 2))

/** Mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Generates documents until they hold exactly `chunks` chunks (ingested with the default chunking). */
export function syntheticCorpus({ chunks, seed = 8 }: { chunks: number; seed?: number }): SyntheticCorpus {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const documents: SyntheticDocument[] = []
  const questions: PlantedQuestion[] = []
  const parkNames = uniqueNames()
  let total = 0
  for (let n = 0; total < chunks; n++) {
    const want = Math.min(chunks - total, 8 + Math.floor(random() * 25))
    const sentences = want === 1 ? 2 : want * 2 + 1
    const province = pick(PROVINCES)
    const industry = pick(INDUSTRIES)
    const year = 2018 + Math.floor(random() * 8)
    const park = `${parkNames.next().value} ${pick(CLUSTERS).park} Industrial Park`
    const city = pick(CITIES)
    const plan = pick(PLANS)(random, pick)
    const planted = `The ${park} in ${city} city will ${plan}.`
    const at = Math.floor(random() * sentences)
    const body: string[] = []
    for (let i = 0; i < sentences; i++) body.push(i === at ? planted : sentence(random, pick, { province, industry, year }))
    const paragraphs: string[] = []
    for (let i = 0; i < body.length; i += 4) paragraphs.push(body.slice(i, i + 4).join(' '))
    const id = `synthetic-${String(n).padStart(6, '0')}`
    const where = `${park} in ${city} city`
    documents.push({
      id,
      text: `${paragraphs.join('\n\n')}\n`,
      meta: { title: `${province} ${year} ${industry} development plan (No. ${n + 1})`, source: `synthetic benchmark corpus, seed ${seed}`, date: String(year), language: 'en' },
      facts: {
        entities: [
          { id: 'park', type: 'park', name: park, aliases: [park.replace(' Industrial Park', ' Park')] },
          { id: 'city', type: 'city', name: city, aliases: [] },
        ],
        facts: [
          { id: 'park-city', subject: 'park', relation: 'located-in', object: 'city', evidence: where },
          { id: 'park-plan', subject: 'park', relation: 'plan', value: plan, evidence: `${where} will ${plan}` },
        ],
      },
      chunks: chunksOf(sentences),
    })
    questions.push(
      n % 2 === 0
        ? { question: `Which city hosts the ${park}?`, documentId: id, expect: [city], evidence: where }
        : { question: `What will the ${park} do?`, documentId: id, expect: [plan], evidence: `${where} will ${plan}` },
    )
    total += chunksOf(sentences)
  }
  return { seed, documents, chunks: total, questions }
}

/** Park names made of three syllables, unique and distinct after stemming. */
function* uniqueNames(): Generator<string> {
  const seen = new Set<string>()
  const k = SYLLABLES.length
  for (let i = 0; i < k * k * k; i++) {
    const index = (i * 7919 + 4513) % (k * k * k)
    const word = SYLLABLES[index % k]! + SYLLABLES[Math.floor(index / k) % k]! + SYLLABLES[Math.floor(index / (k * k))]!
    const key = stem(word)
    if (seen.has(key)) continue
    seen.add(key)
    yield word[0]!.toUpperCase() + word.slice(1)
  }
  throw new RangeError('synthetic corpus ran out of unique park names')
}

/** Writes the documents, their metadata and facts, plus the alias lexicon of `aliasesFrom` (e.g. `corpus/aliases.json`). */
export async function writeSyntheticCorpus(dir: string, corpus: SyntheticCorpus, aliasesFrom?: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const d of corpus.documents) {
    await writeFile(join(dir, `${d.id}.txt`), d.text)
    await writeFile(join(dir, `${d.id}.meta.json`), `${JSON.stringify(d.meta, null, 2)}\n`)
    await writeFile(join(dir, `${d.id}.facts.json`), `${JSON.stringify(d.facts, null, 2)}\n`)
  }
  if (aliasesFrom) await copyFile(aliasesFrom, join(dir, 'aliases.json'))
}
