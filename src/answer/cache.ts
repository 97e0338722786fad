import { LRUCache } from 'lru-cache'
import type { AskResponse } from '../core/types.js'
import type { Answerer, AskInput } from './answerer.js'

/**
 * Remembers the answers of a deterministic answerer (the offline one), least recently used out
 * first. The index cannot change while a process serves it, so a remembered answer stays right.
 * Answers are frozen: every caller gets the same object and none may change it.
 *
 * @example
 * const answerer = new CachedAnswerer(new BlueprintAnswerer(corpus, retriever, knowledge), 1000)
 */
export class CachedAnswerer implements Answerer {
  readonly #cache: LRUCache<string, AskResponse>

  constructor(
    private readonly inner: Answerer,
    maxEntries: number,
  ) {
    this.#cache = new LRUCache({ max: maxEntries })
  }

  async ask(input: AskInput, signal?: AbortSignal): Promise<AskResponse> {
    const key = JSON.stringify([input.question, input.history ?? []])
    const cached = this.#cache.get(key)
    if (cached) return cached
    const response = deepFreeze(await this.inner.ask(input, signal))
    this.#cache.set(key, response)
    return response
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
