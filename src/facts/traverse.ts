import type { FactGraph, GraphEntity } from './graph.js'
import type { ResolvedFact } from './schema.js'

export interface Link {
  entity: GraphEntity
  /** The facts on the path from the start entity, which together support the link. */
  via: ResolvedFact[]
}

/**
 * Entities of `type` reachable from `start` over at most `maxHops` facts, in either direction.
 * Paths never pass through `hubs` (document-level entities such as the province) or through
 * another entity of the wanted type. Results keep the order in which facts list them.
 */
export function linked(graph: FactGraph, start: GraphEntity, type: string, hubs: ReadonlySet<string>, maxHops = 2): Link[] {
  const found = new Map<string, Link>()
  let frontier: Array<{ entity: GraphEntity; via: ResolvedFact[] }> = [{ entity: start, via: [] }]
  const seen = new Set([start.key])
  for (let hop = 0; hop < maxHops && frontier.length; hop++) {
    const next: typeof frontier = []
    for (const { entity, via } of frontier) {
      for (const [fact, neighbour] of neighbours(graph, entity)) {
        if (seen.has(neighbour.key) && !(neighbour.type === type && !found.has(neighbour.key))) continue
        const path = [...via, fact]
        if (neighbour.type === type) {
          if (!found.has(neighbour.key)) found.set(neighbour.key, { entity: neighbour, via: path })
          continue
        }
        seen.add(neighbour.key)
        if (!hubs.has(neighbour.type)) next.push({ entity: neighbour, via: path })
      }
    }
    if (found.size) break
    frontier = next
  }
  return [...found.values()]
}

function* neighbours(graph: FactGraph, entity: GraphEntity): Generator<[ResolvedFact, GraphEntity]> {
  for (const fact of graph.about(entity)) for (const o of graph.objectsOf(fact)) yield [fact, o]
  for (const fact of graph.pointingAt(entity)) yield [fact, graph.subjectOf(fact)]
}
