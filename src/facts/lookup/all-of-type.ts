import { stem } from '../../core/text.js'
import type { GraphEntity } from '../graph.js'
import { capitalize, countWord, joinList, nameOf, plural, type Segment } from '../phrasing.js'
import { linked } from '../traverse.js'
import { CONTEXT_TYPES, unique, type EngineResult, type Lookup } from './context.js'
import { mostLinkedType } from './links.js'
import { membersOf } from './totals.js'

/** "Which parks are named?", "Which city hosts the most clusters?": every entity of a type, grouped or ranked. */
export function allOfType(lookup: Lookup, type: string): EngineResult | undefined {
  const { graph, u, language } = lookup
  const entities = [...graph.entities.values()].filter((e) => e.type === type && (graph.about(e).length || graph.pointingAt(e).length))
  if (!entities.length) return undefined
  // "Which city is mentioned most?": ranked by what the type links to most (a city, by its clusters).
  const counted = u.types.find((t) => t !== type) ?? (u.rank ? mostLinkedType(graph, entities) : undefined)
  if (u.rank && counted) return ranked(lookup, entities, counted)
  const segments: Segment[] = []
  const lead = graph.facts.find((f) => f.relation === 'figure' && (f.measure ?? []).some((m) => stem(m) === stem(plural(type))))
  if (lead) segments.push({ text: `${capitalize(lead.text ?? String(lead.value))}.`, facts: [lead] })
  const groups = groupByCategory(graph, entities)
  const names = joinList(entities.map((e) => nameOf(e, language)))
  if (groups) {
    if (u.intent === 'count') segments.push({ text: `The article names ${countWord(entities.length)} of them by name.`, facts: [] })
    for (const category of groups.keys()) segments.push(...membersOf(graph, category, language, false))
  } else {
    const facts = unique(entities.flatMap((e) => [...graph.about(e), ...graph.pointingAt(e)].slice(0, 1)))
    const noun = plural(type, entities.length)
    const text = u.intent === 'count' ? `The article names ${countWord(entities.length)} ${noun}: ${names}.` : `${capitalize(noun)} named in the article: ${names}.`
    segments.push({ text, facts })
  }
  // Every entity of the type answers only a question that names nothing else: a word the documents
  // don't know ("… built in Changzhi?", "… new energy vehicle clusters?") narrows the list to what they don't say.
  return { kind: 'answer', segments }
}

/** Entities ranked by how many `counted` entities they link to: the most, two or more, or exactly one. */
export function ranked({ graph, u, language }: Lookup, entities: GraphEntity[], counted: string): EngineResult | undefined {
  const scored = entities.map((e) => ({ e, links: linked(graph, e, counted, CONTEXT_TYPES) })).filter((s) => s.links.length)
  const max = Math.max(...scored.map((s) => s.links.length))
  const keep = (n: number) => (u.rank === 'most' ? n === max : u.rank === 'single' ? n === 1 : n >= 2)
  const top = scored.filter((s) => keep(s.links.length)).sort((a, b) => b.links.length - a.links.length)
  if (!top.length) return undefined
  return {
    kind: 'answer',
    anchored: u.typeAsked,
    segments: top.map(({ e, links }) => ({
      text: `${capitalize(nameOf(e, language))}: ${countWord(links.length)} ${plural(counted, links.length)} (${joinList(links.map((l) => nameOf(l.entity, language)))}).`,
      facts: unique(links.flatMap((l) => l.allVia)),
    })),
  }
}

/** Entities by the group they are members of, or undefined when one belongs to none. */
function groupByCategory(graph: Lookup['graph'], entities: GraphEntity[]): Map<GraphEntity, GraphEntity[]> | undefined {
  const groups = new Map<GraphEntity, GraphEntity[]>()
  for (const e of entities) {
    const membership = graph.about(e).find((f) => f.relation === 'member-of')
    if (!membership) return undefined
    const category = graph.objectsOf(membership)[0]!
    groups.set(category, [...(groups.get(category) ?? []), e])
  }
  return groups
}
