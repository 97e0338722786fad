import { topK, type Scored } from './bm25.js'

/**
 * Reciprocal rank fusion: each ranked list adds `weight / (k + rank)` to an item's score.
 *
 * @example rrf([[{ id: 1, score: 9 }], [{ id: 1, score: 0.4 }]]) // [{ id: 1, score: 2 / 61 }]
 */
export function rrf(lists: ReadonlyArray<readonly Scored[]>, k = 60, weights?: readonly number[]): Scored[] {
  const fused = new Map<number, number>()
  lists.forEach((list, li) => {
    const weight = weights?.[li] ?? 1
    list.forEach((item, rank) => fused.set(item.id, (fused.get(item.id) ?? 0) + weight / (k + rank + 1)))
  })
  return topK(fused, fused.size)
}
