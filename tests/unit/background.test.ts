import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { runInBackground } from '../../src/http/background.js'

function appWith(task: () => Promise<unknown>, errors: unknown[]) {
  return new Hono().post('/hook', (c) => {
    runInBackground(c, task(), (error) => errors.push(error))
    return c.json({ ok: true }, 202)
  })
}

const later = <T>(value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), 20))

describe('runInBackground', () => {
  it('hands the work to executionCtx.waitUntil on Workers and responds before it finishes', async () => {
    const waited: Array<Promise<unknown>> = []
    let done = false
    const app = appWith(() => later('sent').then(() => (done = true)), [])
    const ctx = { waitUntil: (p: Promise<unknown>) => void waited.push(p), passThroughOnException: () => {}, props: {} }
    const res = await app.fetch(new Request('http://worker/hook', { method: 'POST' }), {}, ctx)
    expect(res.status).toBe(202)
    expect(done).toBe(false)
    expect(waited).toHaveLength(1)
    await waited[0]
    expect(done).toBe(true)
  })

  it('still runs the work on Node, where there is no execution context', async () => {
    let done = false
    const res = await appWith(() => later('sent').then(() => (done = true)), []).request('/hook', { method: 'POST' })
    expect(res.status).toBe(202)
    await expect.poll(() => done, { timeout: 2_000 }).toBe(true)
  })

  it('reports a failed task to onError and the promise given to waitUntil still resolves', async () => {
    const errors: unknown[] = []
    const waited: Array<Promise<unknown>> = []
    const ctx = { waitUntil: (p: Promise<unknown>) => void waited.push(p), passThroughOnException: () => {}, props: {} }
    await appWith(() => later('callback refused', true), errors).fetch(new Request('http://worker/hook', { method: 'POST' }), {}, ctx)
    await expect(waited[0]).resolves.toBeUndefined()
    expect(errors).toEqual([new Error('callback refused')])
  })
})
