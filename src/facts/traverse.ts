import type { FactGraph, GraphEntity } from './graph.js'
import type { ResolvedFact } from './schema.js'

export interface Link {
  entity: GraphEntity
  /** The facts on the first path from the start entity, which together support the link. */
  via: ResolvedFact[]
  /** Entities passed through on the way, per path found at the same depth ("kaolin clusters" for city → industry). */
  through: GraphEntity[]
  /** Every fact of every path of that depth. */
  allVia: ResolvedFact[]
}

/**
 * Entities of `type` reachable from `start` over at most `maxHops` facts, in either direction,
 * at the smallest depth that reaches any. Paths never pass through `hubs` (document-level entities
 * such as the province) or through another entity of the wanted type. Results keep the order in
 * which facts list them.
 */
export function linked(graph: FactGraph, start: GraphEntity, type: string, hubs: ReadonlySet<string>, maxHops = 2): Link[] {
  const found = new Map<string, Link>()
  let frontier: Array<{ entity: GraphEntity; via: ResolvedFact[]; through: GraphEntity[] }> = [{ entity: start, via: [], through: [] }]
  const seen = new Set([start.key])
  for (let hop = 0; hop < maxHops && frontier.length; hop++) {
    const next: typeof frontier = []
    for (const { entity, via, through } of frontier) {
      for (const [fact, neighbour] of neighbours(graph, entity)) {
        const path = [...via, fact]
        if (neighbour.type === type) {
          if (neighbour.key === start.key) continue
          const link = found.get(neighbour.key)
          if (!link) found.set(neighbour.key, { entity: neighbour, via: path, through: [...through], allVia: [...path] })
          else {
            for (const t of through) if (!link.through.includes(t)) link.through.push(t)
            for (const f of path) if (!link.allVia.includes(f)) link.allVia.push(f)
          }
          continue
        }
        if (seen.has(neighbour.key) || hubs.has(neighbour.type)) continue
        seen.add(neighbour.key)
        next.push({ entity: neighbour, via: path, through: [...through, neighbour] })
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
