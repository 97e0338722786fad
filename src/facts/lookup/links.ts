import type { GraphEntity } from '../graph.js'
import { capitalize, countWord, joinList, nameOf, plural, type Segment } from '../phrasing.js'
import type { ResolvedFact } from '../schema.js'
import { linked, type Link } from '../traverse.js'
import { allOfType } from './all-of-type.js'
import { CONTEXT_TYPES, describe, unique, type EngineResult, type Lookup } from './context.js'
import { partialNote } from './totals.js'

/** "Is coking a strategic emerging industry?", "Is there a kaolin cluster in Datong?" */
export function yesNo({ graph, u, language, specific }: Lookup): EngineResult | undefined {
  if (u.intent !== 'yesno' || specific.length < 2) return undefined
  const [subject, ...others] = specific.map((g) => g[0]!)
  const segments: Segment[] = []
  for (const other of others) {
    const links = linked(graph, subject!, other.type, CONTEXT_TYPES)
    const hit = links.find((l) => l.entity.key === other.key)
    if (hit) {
      segments.push({ text: `Yes. ${relate(subject!, hit.via.at(-1)!, [other], language)}.`, facts: hit.via })
    } else if (links.length) {
      const statement = relate(subject!, links[0]!.via.at(-1)!, links.map((l) => l.entity), language)
      segments.push({ text: `No. ${statement}, not ${describe(other, language)}.`, facts: unique(links.flatMap((l) => l.via)) })
    }
  }
  return segments.length ? { kind: 'answer', segments, anchored: true } : undefined
}

/** Which/how many/where + an entity type: follow facts from the mentioned entities to that type. */
export function byType(lookup: Lookup): EngineResult | undefined {
  const { graph, u, specific } = lookup
  const wantsPlace = u.intent === 'where' || (u.relations.has('located-in') && ['list', 'count'].includes(u.intent))
  let type = wantsPlace && !u.targetType ? 'city' : u.targetType
  if (type && specific.length && specific.every((g) => g.some((e) => e.type === type))) type = u.types.find((t) => t !== type)
  if (!type || !hasType(graph, type)) return undefined
  const starts = specific.length ? specific : u.mentions.map((m) => m.entities)
  if (!starts.length) return allOfType(lookup, type)
  // "Where is X?" may mean a city or a region, whichever the facts link X to.
  const placeTypes = u.intent === 'where' && (type === 'city' || type === 'region') ? [type, type === 'city' ? 'region' : 'city'] : [type]
  let found = starts.map((group) => linkedFromGroup(graph, group, placeTypes[0]!))
  if (placeTypes[1] && found.every((f) => !f.links.length)) {
    const other = starts.map((group) => linkedFromGroup(graph, group, placeTypes[1]!))
    if (other.some((f) => f.links.length)) [found, type] = [other, placeTypes[1]]
  }
  const byGroup = found.map((f) => f.links)
  const results = u.both || byGroup.length > 1 ? intersect(byGroup, u.both || differentTypes(starts)) : byGroup[0]!
  if (results.length) return linkAnswer(lookup, type, found.map((f) => f.start), results)
  if (!specific.length) return allOfType(lookup, type)
  // "Which city hosts the medicine cluster?" when no city is linked: the blueprint doesn't say.
  return u.typeAsked ? { kind: 'refuse', reason: 'no link' } : undefined
}

function linkAnswer({ graph, u, language }: Lookup, type: string, starts: GraphEntity[], results: Link[]): EngineResult {
  const subject = joinList(starts.map((e) => nameOf(e, language)))
  const names = joinList(results.map((l) => nameOf(l.entity, language)))
  const noun = plural(type, results.length)
  const direct = results[0]!.via.at(-1)?.relation === 'located-in' && results.every((l) => l.via.length === 1)
  const text =
    u.intent === 'count'
      ? `The article names ${countWord(results.length)} ${noun} for ${subject}: ${names}.`
      : direct
        ? located(subject, names, starts[0]!, results[0]!.entity)
        : `${capitalize(noun)} for ${subject}: ${names}.`
  const segments: Segment[] = [{ text, facts: unique(results.flatMap((l) => l.via)) }]
  const note = partialNote(graph, results.map((l) => l.entity))
  if (note) segments.push(note)
  return { kind: 'answer', segments, anchored: true }
}

/** Links from the first entity of a mention that has any; else from an entity whose alias contains the mention. */
function linkedFromGroup(graph: Lookup['graph'], group: GraphEntity[], type: string): { start: GraphEntity; links: Link[] } {
  const related = [...graph.entities.values()].filter(
    (e) => e.type !== group[0]!.type && group.some((g) => e.aliases.some((a) => a.toLowerCase().includes(g.name.toLowerCase()))),
  )
  for (const start of [...group, ...related]) {
    const links = linked(graph, start, type, CONTEXT_TYPES)
    if (links.length) return { start, links }
  }
  return { start: group[0]!, links: [] }
}

/** A sentence stating `fact` between `a` and `others`, oriented as the fact is: "The steel industry is among the traditional leading industries". */
function relate(a: GraphEntity, fact: ResolvedFact, others: GraphEntity[], language: 'en' | 'zh'): string {
  const forward = fact.subject === a.id
  const left = capitalize(forward ? describe(a, language) : joinList(others.map((o) => describe(o, language))))
  const right = forward ? joinList(others.map((o) => describe(o, language))) : describe(a, language)
  const plural = forward ? /s$/.test(a.name) : others.length > 1 || /s$/.test(others[0]!.name)
  const verb = plural ? 'are' : 'is'
  if (fact.relation === 'located-in') return `${left} ${verb} in ${right.replace(/^the /, '')}`
  if (fact.relation === 'member-of') return `${left} ${verb} among ${right}`
  if (fact.relation === 'part-of') return `${left} ${verb} part of ${right}`
  return `The article links ${describe(a, language)} to ${joinList(others.map((o) => describe(o, language)))}`
}

/** "The kaolin industrial clusters are in Xinzhou and Shuozhou." / "Shuozhou hosts the kaolin … clusters." */
function located(subject: string, names: string, start: GraphEntity, result: GraphEntity): string {
  if (result.type === 'city' || result.type === 'region') {
    const verb = /s$|\)$/.test(start.name) ? 'are' : 'is'
    return `${capitalize(/^[A-Z]/.test(start.name) ? subject : `the ${subject}`)} ${verb} in ${names}.`
  }
  return `${subject} ${subject.includes(' and ') ? 'host' : 'hosts'} ${names}.`
}

function hasType(graph: Lookup['graph'], type: string): boolean {
  for (const e of graph.entities.values()) if (e.type === type) return true
  return false
}

function differentTypes(groups: GraphEntity[][]): boolean {
  return new Set(groups.map((g) => g[0]!.type)).size > 1
}

/** Union, or with `strict` the intersection, of link lists by entity, keeping the supporting facts of every list. */
function intersect(lists: Link[][], strict: boolean): Link[] {
  if (!strict) return lists.flat().filter((l, i, all) => all.findIndex((m) => m.entity.key === l.entity.key) === i)
  const [first, ...rest] = lists
  return (first ?? [])
    .filter((l) => rest.every((r) => r.some((m) => m.entity.key === l.entity.key)))
    .map((l) => ({ entity: l.entity, via: unique([l.via, ...rest.map((r) => r.find((m) => m.entity.key === l.entity.key)!.via)].flat()) }))
}

