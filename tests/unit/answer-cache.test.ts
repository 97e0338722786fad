import { describe, expect, it } from 'vitest'
import type { Answerer, AskInput } from '../../src/answer/answerer.js'
import { CachedAnswerer } from '../../src/answer/cache.js'
import { BlueprintAnswerer } from '../../src/answer/blueprint-answerer.js'
import { parseConfig } from '../../src/config.js'
import type { AskResponse } from '../../src/core/types.js'
import { loadNodeServices } from '../../src/node/services.js'

/** An answerer that numbers its answers, so a repeated number means a remembered answer. */
class CountingAnswerer implements Answerer {
  calls = 0
  async ask({ question, history }: AskInput): Promise<AskResponse> {
    this.calls++
    return { answer: `${question} #${this.calls} after ${history?.length ?? 0}`, grounded: true, source: 'extractive', citations: [] }
  }
}

describe('CachedAnswerer', () => {
  it('answers a repeated question from memory', async () => {
    const inner = new CountingAnswerer()
    const cached = new CachedAnswerer(inner, 10)
    const first = await cached.ask({ question: 'Which cities?' })
    expect(await cached.ask({ question: 'Which cities?' })).toBe(first)
    expect(inner.calls).toBe(1)
  })

  it('keeps questions with a different history apart', async () => {
    const inner = new CountingAnswerer()
    const cached = new CachedAnswerer(inner, 10)
    await cached.ask({ question: 'And the second one?' })
    const withHistory = await cached.ask({ question: 'And the second one?', history: [{ role: 'user', content: 'Which cities?' }] })
    expect(withHistory.answer).toBe('And the second one? #2 after 1')
    expect(inner.calls).toBe(2)
  })

  it('forgets the least recently used answer when full', async () => {
    const inner = new CountingAnswerer()
    const cached = new CachedAnswerer(inner, 2)
    await cached.ask({ question: 'a' })
    await cached.ask({ question: 'b' })
    await cached.ask({ question: 'a' })
    await cached.ask({ question: 'c' })
    expect(inner.calls).toBe(3)
    await cached.ask({ question: 'a' })
    expect(inner.calls).toBe(3)
    await cached.ask({ question: 'b' })
    expect(inner.calls).toBe(4)
  })

  it('hands out frozen answers, so no caller can change what the next one gets', async () => {
    const cached = new CachedAnswerer(new CountingAnswerer(), 10)
    const answer = await cached.ask({ question: 'q' })
    expect(() => {
      ;(answer as { answer: string }).answer = 'changed'
    }).toThrow(TypeError)
    expect(() => (answer.citations as unknown[]).push({})).toThrow(TypeError)
  })
})

describe('answer cache configuration', () => {
  it('caches the offline answerer by default and not with ANSWER_CACHE_SIZE=0', async () => {
    expect((await loadNodeServices(parseConfig({}))).answerer).toBeInstanceOf(CachedAnswerer)
    expect((await loadNodeServices(parseConfig({ ANSWER_CACHE_SIZE: '0' }))).answerer).toBeInstanceOf(BlueprintAnswerer)
  })

  it('never caches in model mode', async () => {
    const services = await loadNodeServices(parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'k' }))
    expect(services.answerer).not.toBeInstanceOf(CachedAnswerer)
  })

  it('rejects a negative size', () => {
    expect(() => parseConfig({ ANSWER_CACHE_SIZE: '-1' })).toThrow(/ANSWER_CACHE_SIZE/)
  })
})
