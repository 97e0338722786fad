import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/core/types.js'
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/openai-server.js'
import { startRecorder, sleep, waitFor, type Recorder } from '../helpers/recorder.js'
import { postJson } from '../helpers/server.js'
import { nowSeconds, slackHeaders } from '../helpers/signing.js'
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api-server.js'
import { commandBody, escapeForSlack, eventEnvelope, postForm, postSlackEvent, startObservedServer, type ObservedServer } from '../helpers/slack-setup.js'

const SECRET = 'slack-signing-secret-for-tests'
const BASE = 'https://qa.example.org'
const DOC = 'shanxi-2020-industrial-blueprints'
const TITLE = 'Shanxi releases 2020 industrial development blueprints'
const HOSTILE = '<!channel> <script>alert(1)</script> & which cities host kaolin clusters?'

let slackApi: FakeSlackApi
let hooks: Recorder
let openai: FakeOpenAI
let server: ObservedServer
let modelServer: ObservedServer

beforeAll(async () => {
  ;[slackApi, hooks, openai] = await Promise.all([startFakeSlackApi(), startRecorder(), startFakeOpenAI()])
  const env = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slackApi.url, SLACK_RETRY_BACKOFF_MS: '0', PUBLIC_BASE_URL: BASE }
  server = await startObservedServer(env)
  modelServer = await startObservedServer({ ...env, SLACK_RESPONSE_TYPE: 'ephemeral', OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-test' }, 300)
})
afterAll(async () => {
  await Promise.all([server.close(), modelServer.close()])
  await Promise.all([slackApi.close(), hooks.close(), openai.close()])
})
beforeEach(() => {
  slackApi.calls.length = 0
  slackApi.thread = []
  hooks.requests.length = 0
})

const ask = async (question: string) => (await (await postJson(`${server.url}/ask`, { question })).json()) as AskResponse

/** The exact blocks a reply must have, written out from the /ask answer with an independent escape. */
function expectedBlocks(question: string, response: AskResponse) {
  const short = (quote: string) => {
    const flat = quote.replace(/\s+/g, ' ').trim()
    return flat.length <= 160 ? flat : `${flat.slice(0, 159).trimEnd()}…`
  }
  for (const c of response.citations) expect(c.quote).not.toMatch(/[&<>]/)
  return [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `*Question:* ${escapeForSlack(question)}` }] },
    { type: 'section', text: { type: 'mrkdwn', text: escapeForSlack(response.answer) } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: response.citations.map((c) => `*[${c.id}]* <${BASE}/documents/${DOC}#${c.start}-${c.end}|${TITLE}>: “${short(c.quote)}”`).join('\n'),
        },
      ],
    },
  ]
}

const expectEnvelope = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status)
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } })
}

describe('POST /slack/commands', () => {
  const post = (body: string, headers = slackHeaders(SECRET, body), url = server.url) => postForm(`${url}/slack/commands`, body, headers)

  it('answers a validly signed command inline with exact, escaped blocks', async () => {
    const body = commandBody(HOSTILE, `${hooks.url}/commands/1`)
    const res = await post(body)
    expect(res.status).toBe(200)
    const reply = await res.json()
    const expected = await ask(HOSTILE)
    expect(expected.grounded).toBe(true)
    expect(reply).toEqual({ response_type: 'in_channel', text: escapeForSlack(expected.answer), blocks: expectedBlocks(HOSTILE, expected) })
    expect(reply.blocks[0].elements[0].text).toBe('*Question:* &lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; which cities host kaolin clusters?')
    expect(JSON.stringify(reply)).not.toMatch(/<[!@#]|<script/)
    expect(hooks.requests).toHaveLength(0)
  })

  it.each([
    ['signed with the wrong secret', (b: string) => [b, slackHeaders('wrong-secret', b)] as const],
    ['modified after signing', (b: string) => [b.replace('kaolin', 'coal'), slackHeaders(SECRET, b)] as const],
    ['signed 301 s ago', (b: string) => [b, slackHeaders(SECRET, b, nowSeconds() - 301)] as const],
    ['without signature headers', (b: string) => [b, {}] as const],
  ])('returns 401 for a command %s', async (_, tamper) => {
    const [body, headers] = tamper(commandBody('which cities host kaolin clusters?', `${hooks.url}/commands/2`))
    await expectEnvelope(await post(body, headers), 401, 'unauthorized')
    expect(server.asked.filter((a) => a.question.includes('coal'))).toHaveLength(0)
  })

  it('answers an empty command with an ephemeral usage hint', async () => {
    const reply = await (await post(commandBody('', `${hooks.url}/commands/3`))).json()
    expect(reply.response_type).toBe('ephemeral')
    expect(reply.text).toMatch(/\/blueprint which cities host kaolin clusters\?/)
  })

  it('in model mode acknowledges at once with an ephemeral note and posts the answer to response_url', async () => {
    const question = 'Which cities host kaolin clusters?'
    const started = Date.now()
    const res = await post(commandBody(question, `${hooks.url}/commands/4`), undefined, modelServer.url)
    const ack = await res.json()
    expect(Date.now() - started).toBeLessThan(3000)
    expect(ack).toEqual({ response_type: 'ephemeral', text: 'Looking that up…', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Looking that up…' } }] })
    expect(hooks.requests).toHaveLength(0)
    await waitFor(() => hooks.requests.length === 1, 5000, 'the response_url post')
    const [posted] = hooks.requests
    expect(posted!.path).toBe('/commands/4')
    expect(posted!.headers['content-type']).toMatch(/application\/json/)
    const body = JSON.parse(posted!.raw)
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(body.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `*Question:* ${question}` }] })
    expect(body.blocks[1].text.text).toMatch(/Xinzhou/)
    expect(body.blocks[2].elements[0].text).toContain(`<${BASE}/documents/${DOC}#`)
  })
})

describe('POST /slack/events', () => {
  let seq = 0
  const ts = () => `${nowSeconds()}.${String(++seq).padStart(6, '0')}`
  const posts = () => slackApi.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200)

  it('echoes the url_verification challenge', async () => {
    const body = { token: 't', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }
    const res = await postSlackEvent(server.url, SECRET, body)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ challenge: body.challenge })
  })

  it('returns 401 for an event signed with the wrong secret, modified or 301 s old', async () => {
    const body = JSON.stringify(eventEnvelope({ type: 'app_mention', user: 'U0HUMAN', text: '<@U0BOT> steel', channel: 'C1', ts: ts() }))
    const send = (raw: string, headers: Record<string, string>) => postJson(`${server.url}/slack/events`, raw, headers)
    await expectEnvelope(await send(body, slackHeaders('nope', body)), 401, 'unauthorized')
    await expectEnvelope(await send(body.replace('steel', 'coal'), slackHeaders(SECRET, body)), 401, 'unauthorized')
    await expectEnvelope(await send(body, slackHeaders(SECRET, body, nowSeconds() - 301)), 401, 'unauthorized')
    await sleep(100)
    expect(slackApi.calls).toHaveLength(0)
  })

  it('answers an app_mention in its thread through chat.postMessage with exact, escaped blocks', async () => {
    const at = ts()
    const res = await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'app_mention', user: 'U0HUMAN', text: `<@U0BOT> ${escapeForSlack(HOSTILE)}`, channel: 'C0001', ts: at }))
    expect(res.status).toBe(200)
    await waitFor(() => posts().length === 1, 5000, 'chat.postMessage')
    const expected = await ask(HOSTILE)
    const [call] = posts()
    expect(call!.token).toBe('xoxb-test-token')
    expect(call!.params).toEqual({
      channel: 'C0001',
      thread_ts: at,
      text: escapeForSlack(expected.answer),
      blocks: expectedBlocks(HOSTILE, expected),
      unfurl_links: 'false',
      unfurl_media: 'false',
    })
  })

  it('answers a direct message in a thread', async () => {
    const at = ts()
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'message', channel_type: 'im', user: 'U0HUMAN', text: 'which cities host kaolin clusters?', channel: 'D0001', ts: at }))
    await waitFor(() => posts().length === 1, 5000, 'chat.postMessage')
    expect(posts()[0]!.params).toMatchObject({ channel: 'D0001', thread_ts: at })
  })

  it('posts exactly one reply for a replayed event id', async () => {
    const envelope = eventEnvelope({ type: 'app_mention', user: 'U0HUMAN', text: '<@U0BOT> steel output', channel: 'C0001', ts: ts() })
    expect((await postSlackEvent(server.url, SECRET, envelope)).status).toBe(200)
    expect((await postSlackEvent(server.url, SECRET, envelope)).status).toBe(200)
    await waitFor(() => posts().length >= 1, 5000, 'chat.postMessage')
    await sleep(300)
    expect(posts()).toHaveLength(1)
  })

  it('posts exactly one reply under a storm of X-Slack-Retry-Num retries', async () => {
    const envelope = eventEnvelope({ type: 'app_mention', user: 'U0HUMAN', text: '<@U0BOT> coal mining', channel: 'C0001', ts: ts() })
    const statuses = await Promise.all(
      [0, 1, 2, 3].map((n) =>
        postSlackEvent(server.url, SECRET, envelope, n ? { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } : {}).then((r) => r.status),
      ),
    )
    expect(statuses).toEqual([200, 200, 200, 200])
    await waitFor(() => posts().length >= 1, 5000, 'chat.postMessage')
    await sleep(300)
    expect(posts()).toHaveLength(1)
  })

  it('ignores bot messages, including its own', async () => {
    const channel = 'D0002'
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'message', channel_type: 'im', user: 'U0BOT', bot_id: 'B0BOT', text: 'Xinzhou [1]', channel, ts: ts() }))
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'message', channel_type: 'im', subtype: 'bot_message', bot_id: 'B0OTHER', text: 'steel', channel, ts: ts() }))
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'app_mention', user: 'U0OTHERBOT', bot_id: 'B0OTHER', text: '<@U0BOT> steel', channel, ts: ts() }))
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'message', channel_type: 'im', user: 'U0BOT', text: 'steel', channel, ts: ts() }))
    const human = ts()
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'message', channel_type: 'im', user: 'U0HUMAN', text: 'steel', channel, ts: human }))
    await waitFor(() => posts().length >= 1, 5000, 'chat.postMessage')
    await sleep(200)
    expect(posts().map((c) => c.params.thread_ts)).toEqual([human])
  })

  it('uses the thread’s earlier turns as history for a follow-up', async () => {
    const root = ts()
    const botReply = ts()
    const followUp = ts()
    slackApi.thread = [
      { ts: root, user: 'U0HUMAN', text: '<@U0BOT> which cities host kaolin clusters?' },
      { ts: botReply, user: 'U0BOT', bot_id: 'B0BOT', text: 'Xinzhou &amp; Shuozhou [1]' },
      { ts: followUp, user: 'U0HUMAN', text: '<@U0BOT> what about coal?' },
    ]
    const before = server.asked.length
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'app_mention', user: 'U0HUMAN', text: '<@U0BOT> what about coal?', channel: 'C0001', ts: followUp, thread_ts: root }))
    await waitFor(() => posts().length === 1, 5000, 'chat.postMessage')
    expect(slackApi.calls[0]).toMatchObject({ method: 'conversations.replies', params: { channel: 'C0001', ts: root } })
    expect(server.asked.slice(before)).toEqual([
      {
        question: 'what about coal?',
        history: [
          { role: 'user', content: 'which cities host kaolin clusters?' },
          { role: 'assistant', content: 'Xinzhou & Shuozhou [1]' },
        ],
      },
    ])
    expect(posts()[0]!.params.thread_ts).toBe(root)
  })

  it('backs off on a chat.postMessage 429 for as long as Retry-After says, then posts once', async () => {
    slackApi.rateLimitNext(1, 1)
    await postSlackEvent(server.url, SECRET, eventEnvelope({ type: 'app_mention', user: 'U0HUMAN', text: '<@U0BOT> steel output', channel: 'C0001', ts: ts() }))
    await waitFor(() => posts().length === 1, 6000, 'the retried chat.postMessage')
    const attempts = slackApi.calls.filter((c) => c.method === 'chat.postMessage')
    expect(attempts.map((c) => c.status)).toEqual([429, 200])
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950)
  })
})

describe('Slack endpoints without SLACK_SIGNING_SECRET', () => {
  it('return 503 rather than accepting unsigned requests', async () => {
    const bare = await startObservedServer({})
    try {
      const body = commandBody('steel', `${hooks.url}/x`)
      await expectEnvelope(await postForm(`${bare.url}/slack/commands`, body, slackHeaders(SECRET, body)), 503, 'unavailable')
      await expectEnvelope(await postSlackEvent(bare.url, SECRET, { type: 'url_verification', challenge: 'c' }), 503, 'unavailable')
      expect(bare.asked).toHaveLength(0)
    } finally {
      await bare.close()
    }
  })
})
