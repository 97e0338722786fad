import { isStopword, stem, words as wordsOf } from '../core/text.js'
import type { FactGraph, GraphEntity } from './graph.js'
import type { Lexicon } from './lexicon.js'
import { capitalize, countWord, joinList, nameOf, plural, type Segment } from './phrasing.js'
import type { ResolvedFact } from './schema.js'
import { linked, type Link } from './traverse.js'
import type { Understanding } from './understand.js'

export type EngineResult =
  | { kind: 'answer'; segments: Segment[] }
  | { kind: 'refuse'; reason: string }
  | { kind: 'none' }

const NONE: EngineResult = { kind: 'none' }

/** Entity types that describe the document itself (the blueprint, its province, its publisher). */
export const CONTEXT_TYPES = new Set(['blueprint', 'province', 'organization', 'region'])

/**
 * Deterministic lookups over the fact graph: entity → attribute and back, lists, counts,
 * totals with partial lists, superlatives and yes/no checks. Works for any facts file.
 */
export class FactsEngine {
  readonly #generic: Set<string>

  constructor(
    readonly graph: FactGraph,
    lexicon: Lexicon,
  ) {
    this.#generic = new Set([...lexicon.generic, ...Object.values(lexicon.types).flat()].flatMap((g) => wordsOf(g)).map(stem))
  }

  answer(u: Understanding, language: 'en' | 'zh'): EngineResult {
    const all = u.mentions.map((m) => m.entities)
    const specific = all.map((group) => group.filter((e) => !CONTEXT_TYPES.has(e.type))).filter((g) => g.length)
    const ctx = { u, language, specific }
    return (
      this.#totals(ctx) ??
      this.#figures(ctx) ??
      this.#who(ctx) ??
      this.#goal(ctx) ??
      this.#yesNo(ctx) ??
      this.#reverse(ctx) ??
      this.#byType(ctx) ??
      this.#plans(ctx) ??
      NONE
    )
  }

  /** "How many strategic emerging industries …": the stated total, plus the members the text names. */
  #totals({ u, language, specific }: Ctx): EngineResult | undefined {
    if (u.intent !== 'count' && !(u.intent === 'list' || u.intent === 'what')) return undefined
    const groups = specific.flat().filter((e) => this.graph.about(e).some((f) => f.relation === 'total'))
    if (!groups.length || (u.intent === 'what' && !u.targetType)) return undefined
    if (u.words.some((w) => UNNAMED.has(w))) return { kind: 'refuse', reason: 'unnamed members' }
    const segments = groups.flatMap((group) => this.#membersOf(group, language, u.intent === 'count'))
    return segments.length ? { kind: 'answer', segments } : undefined
  }

  #membersOf(group: GraphEntity, language: 'en' | 'zh', leadWithTotal: boolean): Segment[] {
    const total = this.graph.about(group).find((f) => f.relation === 'total')!
    const members = this.graph.pointingAt(group).filter((f) => f.relation === 'member-of')
    const n = Number(total.value)
    const names = joinList(members.map((f) => nameOf(this.graph.subjectOf(f), language)))
    const segments: Segment[] = []
    if (leadWithTotal || members.length < n) segments.push({ text: `There are ${countWord(n)} ${group.name}.`, facts: [total] })
    if (members.length === 0) return segments
    const partial = members.length < n
    segments.push({
      text: partial
        ? `The article names only ${countWord(members.length)} of them: ${names}.`
        : `${capitalize(group.name)}: ${names}.`,
      facts: unique(members),
    })
    return segments
  }

  /** Figures ("14 industries", "100 billion yuan") and refusals for figures the text doesn't give. */
  #figures({ u, specific }: Ctx): EngineResult | undefined {
    const asksQuantity = u.intent === 'count' || u.intent === 'quantity' || u.intent === 'when' || u.measures.length > 0
    if (!asksQuantity) return undefined
    const words = new Set(u.words.map(stem))
    const figures = this.graph.facts.filter(
      (f) => f.relation === 'figure' && (f.measure ?? []).some((m) => m.split(/\s+/).every((w) => words.has(stem(w.toLowerCase())))),
    )
    if (u.intent === 'count' && u.targetType && specific.length) return undefined
    if (u.intent === 'count' && !figures.length && u.targetType) return undefined
    if (u.intent === 'count' && u.named && u.targetType) return undefined
    if (figures.length && !specific.length) {
      const best = figures.filter((f) => (f.measure ?? []).some((m) => words.has(stem(m.toLowerCase())) && stem(m) !== 'when'))
      const chosen = u.intent === 'when' ? figures.filter((f) => f.unit === 'year') : best.length ? best : figures
      if (!chosen.length) return { kind: 'refuse', reason: 'figure' }
      return { kind: 'answer', segments: chosen.map((f) => ({ text: `${capitalize(f.text ?? String(f.value))}.`, facts: [f] })) }
    }
    if (u.intent === 'when' && !figures.length && !u.measures.length) return undefined
    if (u.intent === 'what' && !u.measures.length) return undefined
    return { kind: 'refuse', reason: 'figure' }
  }

  #who({ u }: Ctx): EngineResult | undefined {
    if (u.intent !== 'who' && u.targetType !== 'organization') return undefined
    const facts = this.graph.facts.filter((f) => this.graph.objectsOf(f).some((o) => o.type === 'organization'))
    if (!facts.length) return undefined
    return {
      kind: 'answer',
      segments: facts.map((f) => ({ text: `According to the article, the blueprints come from the ${joinList(this.graph.objectsOf(f).map((o) => o.name))}.`, facts: [f] })),
    }
  }

  #goal({ u }: Ctx): EngineResult | undefined {
    if (u.intent !== 'why' && !u.relations.has('goal')) return undefined
    const goals = this.graph.facts.filter((f) => f.relation === 'goal')
    if (!goals.length) return undefined
    return { kind: 'answer', segments: goals.map((f) => ({ text: `The goal is ${String(f.value)}.`, facts: [f] })) }
  }

  /** "Is coking a strategic emerging industry?", "Is there a kaolin cluster in Datong?" */
  #yesNo({ u, language, specific }: Ctx): EngineResult | undefined {
    if (u.intent !== 'yesno' || specific.length < 2) return undefined
    const [subject, ...others] = specific.map((g) => g[0]!)
    const segments: Segment[] = []
    for (const other of others) {
      const links = linked(this.graph, subject!, other.type, CONTEXT_TYPES)
      const hit = links.find((l) => l.entity.key === other.key)
      if (hit) {
        segments.push({ text: `Yes: ${nameOf(subject!, language)} — ${nameOf(other, language)}.`, facts: hit.via })
      } else if (links.length) {
        const actual = joinList(links.map((l) => nameOf(l.entity, language)))
        segments.push({ text: `No. The article links ${nameOf(subject!, language)} to ${actual}, not ${nameOf(other, language)}.`, facts: unique(links.flatMap((l) => l.via)) })
      }
    }
    return segments.length ? { kind: 'answer', segments } : undefined
  }

  /** "Which industry will resolve production overcapacity?": from a stated plan or goal back to its subject. */
  #reverse({ u, language, specific }: Ctx): EngineResult | undefined {
    if (specific.length || !u.targetType) return undefined
    const content = new Set(u.words.filter((w) => !isStopword(w)).map(stem).filter((w) => !this.#generic.has(w)))
    if (content.size < 2) return undefined
    let best: ResolvedFact[] = []
    let bestScore = 0
    for (const f of this.graph.facts) {
      if (typeof f.value !== 'string') continue
      const present = new Set(wordsOf(`${f.value} ${f.evidence.join(' ')}`).map(stem))
      const score = [...content].filter((w) => present.has(w)).length
      if (score > bestScore) [best, bestScore] = [[f], score]
      else if (score === bestScore && score > 0) best.push(f)
    }
    if (bestScore < 2 || bestScore / content.size < 0.6) return undefined
    const segments = best
      .filter((f) => this.graph.subjectOf(f).type === u.targetType || linked(this.graph, this.graph.subjectOf(f), u.targetType!, CONTEXT_TYPES).length)
      .map((f) => ({ text: `${capitalize(describe(this.graph.subjectOf(f), language))}: ${String(f.value)}.`, facts: [f] }))
    return segments.length ? { kind: 'answer', segments } : undefined
  }

  /** Which/how many/where + an entity type: follow facts from the mentioned entities to that type. */
  #byType({ u, language, specific }: Ctx): EngineResult | undefined {
    const wantsPlace = u.intent === 'where' || (u.relations.has('located-in') && ['list', 'count'].includes(u.intent))
    let type = wantsPlace && !u.targetType ? 'city' : u.targetType
    if (type && specific.length && specific.every((g) => g.some((e) => e.type === type))) type = u.types.find((t) => t !== type)
    if (!type || !this.#hasType(type)) return undefined
    const starts = specific.length ? specific : u.mentions.map((m) => m.entities)
    if (!starts.length) return this.#allOfType(u, type, language)
    const found = starts.map((group) => this.#linkedFromGroup(group, type))
    const byGroup = found.map((f) => f.links)
    const used = found.map((f) => [f.start])
    const results = u.both || byGroup.length > 1 ? intersect(byGroup, u.both || differentTypes(starts)) : byGroup[0]!
    if (!results.length) return specific.length ? undefined : this.#allOfType(u, type, language)
    if (!specific.length) return this.#linkAnswer(u, type, used, results, language)
    return this.#linkAnswer(u, type, used, results, language)
  }

  #linkAnswer(u: Understanding, type: string, starts: GraphEntity[][], results: Link[], language: 'en' | 'zh'): EngineResult {
    const subject = joinList(starts.map((g) => nameOf(g[0]!, language)))
    const names = joinList(results.map((l) => nameOf(l.entity, language)))
    const facts = unique(results.flatMap((l) => l.via))
    const noun = plural(type, results.length)
    const relation = results[0]!.via.at(-1)?.relation
    const text =
      u.intent === 'count'
        ? `The article names ${countWord(results.length)} ${noun} for ${subject}: ${names}.`
        : relation === 'located-in' && results.every((l) => l.via.length === 1)
          ? located(subject, names, starts[0]![0]!, results[0]!.entity)
          : `${capitalize(noun)} for ${subject}: ${names}.`
    const segments: Segment[] = [{ text, facts }]
    const partialNote = this.#partialNote(results.map((l) => l.entity))
    if (partialNote) segments.push(partialNote)
    return { kind: 'answer', segments }
  }

  /** Links from the first entity of a mention that has any; else from an entity whose alias contains the mention. */
  #linkedFromGroup(group: GraphEntity[], type: string): { start: GraphEntity; links: Link[] } {
    const related = [...this.graph.entities.values()].filter((e) => e.type !== group[0]!.type && group.some((g) => e.aliases.some((a) => a.toLowerCase().includes(g.name.toLowerCase()))))
    for (const start of [...group, ...related]) {
      const links = linked(this.graph, start, type, CONTEXT_TYPES)
      if (links.length) return { start, links }
    }
    return { start: group[0]!, links: [] }
  }

  #allOfType(u: Understanding, type: string, language: 'en' | 'zh'): EngineResult | undefined {
    const counted = u.types.find((t) => t !== type)
    const entities = [...this.graph.entities.values()].filter((e) => e.type === type && (this.graph.about(e).length || this.graph.pointingAt(e).length))
    if (!entities.length) return undefined
    if (u.superlative && counted) {
      const scored = entities.map((e) => ({ e, links: linked(this.graph, e, counted, CONTEXT_TYPES) })).filter((s) => s.links.length)
      const max = Math.max(...scored.map((s) => s.links.length))
      const wantsMost = u.words.includes('most')
      const top = scored.filter((s) => (wantsMost ? s.links.length === max : s.links.length >= 2)).sort((a, b) => b.links.length - a.links.length)
      if (!top.length) return undefined
      return {
        kind: 'answer',
        segments: top.map(({ e, links }) => ({
          text: `${nameOf(e, language)}: ${countWord(links.length)} ${plural(counted, links.length)} (${joinList(links.map((l) => nameOf(l.entity, language)))}).`,
          facts: unique(links.flatMap((l) => l.via)),
        })),
      }
    }
    const groups = this.#groupByCategory(entities)
    const segments: Segment[] = []
    const lead = this.graph.facts.find((f) => f.relation === 'figure' && (f.measure ?? []).some((m) => stem(m) === stem(plural(type))))
    if (lead) segments.push({ text: `${capitalize(lead.text ?? String(lead.value))}.`, facts: [lead] })
    if (groups) {
      if (u.intent === 'count') segments.push({ text: `The article names ${countWord(entities.length)} of them by name.`, facts: [] })
      for (const category of groups.keys()) segments.push(...this.#membersOf(category, language, false))
    } else {
      const facts = unique(entities.flatMap((e) => [...this.graph.about(e), ...this.graph.pointingAt(e)].slice(0, 1)))
      const text = u.intent === 'count' ? `The article names ${countWord(entities.length)} ${plural(type, entities.length)}: ${joinList(entities.map((e) => nameOf(e, language)))}.` : `${capitalize(plural(type, entities.length))} named in the article: ${joinList(entities.map((e) => nameOf(e, language)))}.`
      segments.push({ text, facts })
    }
    return { kind: 'answer', segments }
  }

  #groupByCategory(entities: GraphEntity[]): Map<GraphEntity, GraphEntity[]> | undefined {
    const groups = new Map<GraphEntity, GraphEntity[]>()
    for (const e of entities) {
      const membership = this.graph.about(e).find((f) => f.relation === 'member-of')
      if (!membership) return undefined
      const category = this.graph.objectsOf(membership)[0]!
      groups.set(category, [...(groups.get(category) ?? []), e])
    }
    return groups
  }

  /** When the results all belong to one group whose stated total is larger, say the list is partial. */
  #partialNote(entities: GraphEntity[]): Segment | undefined {
    for (const e of entities) {
      const membership = this.graph.about(e).find((f) => f.relation === 'member-of')
      if (!membership) continue
      const category = this.graph.objectsOf(membership)[0]!
      const total = this.graph.about(category).find((f) => f.relation === 'total')
      const named = this.graph.pointingAt(category).filter((f) => f.relation === 'member-of').length
      if (total && Number(total.value) > named && entities.every((x) => this.graph.about(x).some((f) => f.relation === 'member-of' && f.objects[0] === category.id))) {
        return { text: `The article names only ${countWord(named)} of the ${countWord(Number(total.value))} ${category.name}.`, facts: [total] }
      }
    }
    return undefined
  }

  /** "What will the coking industry do?": plan facts about the mentioned entities. */
  #plans({ u, specific }: Ctx): EngineResult | undefined {
    if (!specific.length || u.measures.length) return undefined
    const wantsPlan = u.relations.has('plan') || u.intent === 'what' || u.intent === 'list'
    if (!wantsPlan) return undefined
    const segments: Segment[] = []
    for (const group of specific) {
      const entity = group[0]!
      const own = this.graph.about(entity).filter((f) => f.relation === 'plan')
      const parentFact = own.length ? undefined : this.graph.about(entity).find((f) => (f.relation === 'member-of' || f.relation === 'part-of') && f.objects.length)
      const parent = parentFact ? this.graph.objectsOf(parentFact)[0]! : undefined
      const plans = own.length ? own : parent ? this.graph.about(parent).filter((f) => f.relation === 'plan') : []
      if (!plans.length) continue
      const lead = parent ? `${capitalize(describe(entity))} is one of the ${parent.name}, which will:` : `${capitalize(describe(entity))} will:`
      segments.push({ text: lead, facts: parentFact ? [parentFact] : [] })
      for (const p of plans) segments.push({ text: `${String(p.value)};`, facts: [p] })
    }
    if (!segments.length) return undefined
    const last = segments.at(-1)!
    last.text = last.text.replace(/;$/, '.')
    return { kind: 'answer', segments }
  }

  #hasType(type: string): boolean {
    for (const e of this.graph.entities.values()) if (e.type === type) return true
    return false
  }
}

interface Ctx {
  u: Understanding
  language: 'en' | 'zh'
  specific: GraphEntity[][]
}

/** "The kaolin industrial clusters are in Xinzhou and Shuozhou." / "Shuozhou hosts the kaolin … clusters." */
function located(subject: string, names: string, start: GraphEntity, result: GraphEntity): string {
  const verb = /s$|\)$/.test(start.name) ? 'are' : 'is'
  return result.type === 'city' || result.type === 'region' ? `${capitalize(withArticle(start, subject))} ${verb} in ${names}.` : `${subject} hosts ${names}.`
}

const withArticle = (e: GraphEntity, name: string) => (/^[A-Z]/.test(e.name) ? name : `the ${name}`)

const UNNAMED = new Set(['other', 'others', 'remaining', 'rest', 'unnamed', 'missing', 'unlisted', 'unmentioned'])

const describe = (e: GraphEntity, language: 'en' | 'zh' = 'en') => {
  const name = nameOf(e, language)
  return e.type === 'industry' && !/industry|industries|manufacturing/.test(e.name) ? `the ${name} industry` : /^[A-Z]/.test(e.name) ? name : `the ${name}`
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

function differentTypes(groups: GraphEntity[][]): boolean {
  return new Set(groups.map((g) => g[0]!.type)).size > 1
}

/** Intersection of link lists by entity, keeping the supporting facts of every list. */
function intersect(lists: Link[][], strict: boolean): Link[] {
  if (!strict) return lists.flat().filter((l, i, all) => all.findIndex((m) => m.entity.key === l.entity.key) === i)
  const [first, ...rest] = lists
  return (first ?? [])
    .filter((l) => rest.every((r) => r.some((m) => m.entity.key === l.entity.key)))
    .map((l) => ({ entity: l.entity, via: unique([l.via, ...rest.map((r) => r.find((m) => m.entity.key === l.entity.key)!.via)].flat()) }))
}
