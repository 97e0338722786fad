import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Answerer } from '../../src/answer/answerer.js'
import { runInBackground } from '../../src/http/background.js'
import { handleSlashCommand, LOOKING_UP, parseSlashCommand } from '../../src/integrations/slack/commands.js'
import { startRecorder, waitFor, type Recorder } from '../helpers/recorder.js'

describe('runInBackground', () => {
  const app = (task: () => Promise<unknown>, errors: unknown[]) =>
    new Hono().get('/', (c) => {
      runInBackground(c, task(), (e) => errors.push(e))
      return c.text('ok')
    })

  it('hands the task to executionCtx.waitUntil when the runtime provides one (Workers)', async () => {
    const waited: Promise<unknown>[] = []
    const errors: unknown[] = []
    const ctx = { waitUntil: (p: Promise<unknown>) => void waited.push(p), passThroughOnException: () => {}, props: {} }
    const res = await app(() => Promise.reject(new Error('boom')), errors).fetch(new Request('http://x/'), {}, ctx)
    expect(await res.text()).toBe('ok')
    expect(waited).toHaveLength(1)
    await waited[0]
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom'])
  })

  it('lets the task run and logs its failure when there is no execution context (Node)', async () => {
    const errors: unknown[] = []
    const res = await app(() => Promise.reject(new Error('late boom')), errors).request('/')
    expect(res.status).toBe(200)
    await waitFor(() => errors.length === 1, 1000, 'the logged error')
  })
})

describe('handleSlashCommand', () => {
  let hooks: Recorder
  beforeAll(async () => void (hooks = await startRecorder()))
  afterAll(() => hooks.close())

  it('falls back to response_url when the answer is not ready within the inline budget', async () => {
    const slow: Answerer = {
      ask: async ({ question }) => {
        await new Promise((r) => setTimeout(r, 150))
        return { answer: `Said: ${question}`, grounded: false, source: 'extractive', citations: [] }
      },
    }
    const deferred: Promise<unknown>[] = []
    const body = new URLSearchParams({ text: 'steel &amp; coal', response_url: `${hooks.url}/r/1` }).toString()
    const reply = await handleSlashCommand(parseSlashCommand(body), {
      answerer: slow,
      responseType: 'in_channel',
      baseUrl: 'https://qa.example.org',
      inlineBudgetMs: 20,
      defer: (p) => void deferred.push(p),
    })
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: LOOKING_UP })
    expect(deferred).toHaveLength(1)
    await deferred[0]
    expect(hooks.requests).toHaveLength(1)
    const posted = JSON.parse(hooks.requests[0]!.raw)
    expect(posted.response_type).toBe('in_channel')
    expect(posted.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Said: steel &amp; coal' } })
  })
})
