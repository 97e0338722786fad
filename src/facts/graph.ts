import { fold, isAscii, stem, words } from '../core/text.js'
import type { Lexicon } from './lexicon.js'
import type { Entity, ResolvedFact, ResolvedFacts } from './schema.js'

export interface GraphEntity extends Entity {
  /** `documentId/id`: entity ids are unique per document only. */
  key: string
  documentId: string
}

export interface Mention {
  /** Word positions `[from, to)` in the normalized question. */
  from: number
  to: number
  /** Entities whose name or alias matched exactly. */
  entities: GraphEntity[]
}

const MAX_ALIAS_WORDS = 7

/**
 * The graph's name lookups as plain data, entity keys by lookup key: stemmed names and aliases, and
 * romanized one-word names. Computed at ingest so start-up does not tokenize every alias.
 */
export interface AliasKeys {
  stemmed: Array<[key: string, entities: string[]]>
  romanized: Array<[key: string, entities: string[]]>
}

/** Entities and facts of every document, indexed for lookups in both directions and for mentions. */
export class FactGraph {
  readonly entities = new Map<string, GraphEntity>()
  readonly facts: ResolvedFact[] = []
  readonly #bySubject = new Map<string, ResolvedFact[]>()
  readonly #byObject = new Map<string, ResolvedFact[]>()
  readonly #aliases = new Map<string, GraphEntity[]>()
  readonly #romanized = new Map<string, GraphEntity[]>()
  readonly #romanize: (word: string) => string
  readonly #containing = new Map<string, GraphEntity[]>()
  /** Every entity type that occurs. */
  readonly types = new Set<string>()

  /** `keys`: the alias lookups from {@link FactGraph.aliasKeys}, computed earlier; derived from the names when absent. */
  constructor(documents: readonly ResolvedFacts[], lexicon: Lexicon, keys?: AliasKeys) {
    const equivalents = lexicon.romanization.equivalents.map(([a, b]) => [fold(a), fold(b)] as const)
    this.#romanize = (text) => {
      const folded = equivalents.reduce((s, [a, b]) => (s.includes(a) ? s.split(a).join(b) : s), fold(text))
      return isAscii(folded) ? folded.replace(/[^a-z]/g, '') : folded.replace(/[^\p{L}]/gu, '')
    }
    for (const doc of documents) {
      for (const e of doc.entities) {
        const entity = { ...e, key: keyOf(doc.documentId, e.id), documentId: doc.documentId }
        this.entities.set(entity.key, entity)
        this.types.add(entity.type)
        if (keys) continue
        for (const name of [e.name, ...e.aliases]) {
          push(this.#aliases, stemKey(name), entity)
          if (!/\s/.test(name.trim())) push(this.#romanized, this.#romanize(name), entity)
        }
      }
      for (const f of doc.facts) {
        this.facts.push(f)
        push(this.#bySubject, keyOf(doc.documentId, f.subject), f)
        for (const o of f.objects) push(this.#byObject, keyOf(doc.documentId, o), f)
      }
    }
    if (keys) {
      const resolve = (list: AliasKeys['stemmed'], into: Map<string, GraphEntity[]>) => {
        for (const [key, entities] of list) into.set(key, entities.map((k) => this.entities.get(k)).filter((e) => e !== undefined))
      }
      resolve(keys.stemmed, this.#aliases)
      resolve(keys.romanized, this.#romanized)
    }
  }

  /** The alias lookups as data, to be passed back to the constructor (see {@link AliasKeys}). */
  aliasKeys(): AliasKeys {
    const data = (map: Map<string, GraphEntity[]>): AliasKeys['stemmed'] => [...map].map(([key, list]) => [key, list.map((e) => e.key)])
    return { stemmed: data(this.#aliases), romanized: data(this.#romanized) }
  }

  entity(documentId: string, id: string): GraphEntity | undefined {
    return this.entities.get(keyOf(documentId, id))
  }

  /** Facts whose subject is the entity. */
  about(entity: GraphEntity): ResolvedFact[] {
    return this.#bySubject.get(entity.key) ?? []
  }

  /** Facts that point at the entity. */
  pointingAt(entity: GraphEntity): ResolvedFact[] {
    return this.#byObject.get(entity.key) ?? []
  }

  objectsOf(fact: ResolvedFact): GraphEntity[] {
    return fact.objects.map((o) => this.entity(fact.documentId, o)!)
  }

  subjectOf(fact: ResolvedFact): GraphEntity {
    return this.entity(fact.documentId, fact.subject)!
  }

  /** Entities with an alias that contains `name` ("architectural ceramics clusters" for "ceramics"), computed once per name. */
  aliasesContaining(name: string): GraphEntity[] {
    const key = name.toLowerCase()
    let found = this.#containing.get(key)
    if (!found) {
      found = [...this.entities.values()].filter((e) => e.aliases.some((a) => a.toLowerCase().includes(key)))
      this.#containing.set(key, found)
    }
    return found
  }

  /** Every word of every entity name and alias, folded. */
  vocabulary(): Set<string> {
    const out = new Set<string>()
    for (const e of this.entities.values()) for (const n of [e.name, ...e.aliases]) for (const w of words(n)) out.add(w)
    return out
  }

  /** Non-overlapping entity mentions, longest first, by alias or by romanization (Lüliang, Lvliang, Xin Zhou). */
  mentions(questionWords: readonly string[]): Mention[] {
    const stems = questionWords.map(stem)
    // Romanized word by word: the equivalences (ü, v, yu → u) never span two words.
    const romanized = questionWords.map(this.#romanize)
    const found: Mention[] = []
    for (let i = 0; i < stems.length; ) {
      let hit: Mention | undefined
      // Candidate keys of every length from position i, then tried longest first.
      const longest = Math.min(MAX_ALIAS_WORDS, stems.length - i)
      const exactKeys = [stems[i]!]
      const romanKeys = [romanized[i]!]
      for (let len = 2; len <= longest; len++) {
        exactKeys.push(`${exactKeys[len - 2]} ${stems[i + len - 1]}`)
        if (len <= 3) romanKeys.push(romanKeys[len - 2]! + romanized[i + len - 1]!)
      }
      for (let len = longest; len >= 1 && !hit; len--) {
        const entities = this.#aliases.get(exactKeys[len - 1]!) ?? (len <= 3 ? this.#romanized.get(romanKeys[len - 1]!) : undefined)
        if (entities) hit = { from: i, to: i + len, entities }
      }
      if (hit) {
        found.push(hit)
        i = hit.to
      } else {
        i++
      }
    }
    return found
  }
}

const keyOf = (documentId: string, id: string) => `${documentId}/${id}`
const stemKey = (text: string) => words(text).map(stem).join(' ')

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) {
    if (!list.includes(value)) list.push(value)
  } else {
    map.set(key, [value])
  }
}
