import type { GraphEntity } from '../../facts/graph.js'
import type { Knowledge } from '../../facts/knowledge.js'
import type { ResolvedFact } from '../../facts/schema.js'

export interface FactsQuery {
  /** An entity name, alias or id, or any text that mentions entities ("kaolin clusters in Xinzhou", "忻州"). */
  entity?: string | undefined
  /** Only facts with this relation (`located-in`, `plan`, `member-of` …). */
  relation?: string | undefined
  /** Only entities of this type (`city`, `cluster`, `industry` …); without `entity`, every entity of the type. */
  type?: string | undefined
  /** At most this many facts (default 50). */
  limit?: number | undefined
}

const entityView = (e: GraphEntity) => ({ id: e.id, documentId: e.documentId, type: e.type, name: e.name, aliases: e.aliases })
const ref = (e: GraphEntity) => ({ id: e.id, type: e.type, name: e.name })

export type EntityView = ReturnType<typeof entityView>

/**
 * Deterministic queries over the fact graph: the entities a text names (by name, alias, Chinese
 * name or spelling variant), the facts about them or pointing at them, in file order, each with
 * its verbatim evidence and offsets. Also lists the relations and types there are to ask about.
 *
 * @example lookupFacts(services.knowledge, { entity: 'Xinzhou', relation: 'located-in' })
 */
export function lookupFacts(knowledge: Knowledge, query: FactsQuery) {
  const { graph } = knowledge
  const entities = matchingEntities(knowledge, query)
  const keys = new Set(entities.map((e) => e.key))
  const selected = graph.facts.filter((f) => {
    if (query.relation && f.relation !== query.relation) return false
    if (query.entity || query.type) return keys.has(`${f.documentId}/${f.subject}`) || f.objects.some((o) => keys.has(`${f.documentId}/${o}`))
    return Boolean(query.relation)
  })
  const limit = query.limit ?? 50
  return {
    entities: entities.map(entityView),
    facts: selected.slice(0, limit).map((f) => factView(knowledge, f)),
    truncated: selected.length > limit,
    relations: [...new Set(graph.facts.map((f) => f.relation))].sort(),
    types: [...new Set([...graph.entities.values()].map((e) => e.type))].sort(),
  }
}

function matchingEntities({ graph, normalizer }: Knowledge, { entity, type }: FactsQuery): GraphEntity[] {
  const all = [...graph.entities.values()]
  let found: GraphEntity[]
  if (entity?.trim()) {
    const byId = all.filter((e) => e.id === entity.trim())
    found = byId.length ? byId : graph.mentions(normalizer.normalize(entity).words).flatMap((m) => m.entities)
  } else {
    found = type ? all : []
  }
  const unique = [...new Set(found)]
  return type ? unique.filter((e) => e.type === type) : unique
}

function factView({ graph }: Knowledge, f: ResolvedFact) {
  return {
    id: f.id,
    documentId: f.documentId,
    subject: ref(graph.subjectOf(f)),
    relation: f.relation,
    objects: graph.objectsOf(f).map(ref),
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    ...(f.text !== undefined ? { text: f.text } : {}),
    evidence: f.evidence.map((quote, i) => ({ quote, start: f.spans[i]!.start, end: f.spans[i]!.end })),
  }
}
