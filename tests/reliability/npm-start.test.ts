import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildKey, ensureServerBundle } from '../../src/node/server-bundle.js'
import { spawnChild, waitFor, type Child } from '../helpers/child.js'
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { extractiveModel } from '../helpers/scripted-model.js'
import { postJson } from '../helpers/server.js'

describe('npm start', () => {
  let fake: FakeOpenAI
  let child: Child
  let url: string

  beforeAll(async () => {
    fake = await startFakeOpenAI()
    fake.onChat(extractiveModel)
    child = spawnChild('npm', ['start', '--silent'], { PORT: '0', HOST: '127.0.0.1', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '5000' })
    const port = await waitFor(() => /"port":(\d+)/.exec(child.stdout())?.[1], 60_000, 'npm start to listen')
    url = `http://127.0.0.1:${port}`
  })

  afterAll(async () => {
    if (child?.proc.pid) process.kill(-child.proc.pid, 'SIGTERM')
    await child?.exited
    await fake?.close()
  })

  it('serves the precompiled bundle of the current sources', async () => {
    const main = await ensureServerBundle(process.cwd())
    expect(main).toContain(join('dist', 'server', buildKey(process.cwd()), 'node.js'))
    const processes = execFileSync('ps', ['-o', 'args=', '-g', String(child.proc.pid)], { encoding: 'utf8' })
    // Plain node on the bundle, with the young generation that keeps GC pauses out of the latency tail.
    expect(processes).toMatch(/^node --max-semi-space-size=32 src\/entry\/start\.js$/m)
    expect(processes).not.toMatch(/tsx/)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  })

  it('loads the model client from its own chunk on the first model answer', async () => {
    const res = await postJson(`${url}/ask`, { question: 'Which cities host kaolin clusters?' })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ source: 'llm', grounded: true })
    expect(body.fallbackReason).toBeUndefined()
    expect(fake.chats).toHaveLength(1)
  })

  it('loads the MCP server from its own chunk on the first /mcp request', async () => {
    const res = await postJson(`${url}/mcp`, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } }, { accept: 'application/json, text/event-stream' })
    expect(res.status).toBe(200)
    expect((await res.json()).result.serverInfo.name).toBeTruthy()
  })
})

describe('the server bundle', () => {
  it('is rebuilt when a source changes, so a stale build is never served', async () => {
    const root = mkdtempSync(join(tmpdir(), 'server-bundle-'))
    try {
      mkdirSync(join(root, 'src', 'entry'), { recursive: true })
      for (const name of ['package.json', 'package-lock.json', 'tsconfig.json']) writeFileSync(join(root, name), '{}')
      const source = join(root, 'src', 'entry', 'node.ts')
      writeFileSync(source, "export const version: string = 'one'\n")
      const first = (await ensureServerBundle(root))!
      expect(readFileSync(first, 'utf8')).toContain('"one"')
      expect(await ensureServerBundle(root)).toBe(first)

      writeFileSync(source, "export const version: string = 'two'\n")
      utimesSync(source, new Date(), new Date(Date.now() + 5000))
      const [second, again] = await Promise.all([ensureServerBundle(root), ensureServerBundle(root)])
      expect(second).not.toBe(first)
      expect(again).toBe(second)
      expect(readFileSync(second!, 'utf8')).toContain('"two"')
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
