import { describe, expect, it } from 'vitest'
import { hmacSha256Hex } from '../../src/integrations/signing.js'
import { verifySlackRequest } from '../../src/integrations/slack/verify.js'
import { signWebhook, verifyWebhook } from '../../src/integrations/webhook/signature.js'
import { nowSeconds, slackHeaders, webhookHeaders } from '../helpers/signing.js'

const secret = '8f742231b10e8888abcd99yyyzzz85a5'
const body = 'token=x&command=%2Fblueprint&text=steel'

const slack = (headers: Record<string, string>, rawBody = body) =>
  verifySlackRequest(secret, { timestamp: headers['x-slack-request-timestamp'], signature: headers['x-slack-signature'], rawBody })

describe('Slack request signatures', () => {
  it('matches the example in Slack’s documentation', async () => {
    const docBody =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c'
    const hex = await hmacSha256Hex(secret, `v0:1531420618:${docBody}`)
    expect(`v0=${hex}`).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503')
  })

  it('accepts a valid signature', async () => {
    expect(await slack(slackHeaders(secret, body))).toBe(true)
  })

  it('rejects a signature made with the wrong secret', async () => {
    expect(await slack(slackHeaders('not-the-secret', body))).toBe(false)
  })

  it('rejects a body modified after signing', async () => {
    expect(await slack(slackHeaders(secret, body), body.replace('steel', 'coal'))).toBe(false)
  })

  it('rejects a timestamp 301 s old but accepts one 299 s old', async () => {
    expect(await slack(slackHeaders(secret, body, nowSeconds() - 301))).toBe(false)
    expect(await slack(slackHeaders(secret, body, nowSeconds() - 299))).toBe(true)
  })

  it('rejects missing, truncated and non-hex signatures', async () => {
    const good = slackHeaders(secret, body)
    expect(await slack({ ...good, 'x-slack-signature': '' })).toBe(false)
    expect(await slack({ ...good, 'x-slack-signature': good['x-slack-signature']!.slice(0, -2) })).toBe(false)
    expect(await slack({ ...good, 'x-slack-signature': 'v0=' + 'zz'.repeat(32) })).toBe(false)
    expect(await slack({ ...good, 'x-slack-signature': good['x-slack-signature']!.replace('v0=', 'v1=') })).toBe(false)
    expect(await slack({ 'x-slack-signature': good['x-slack-signature']! })).toBe(false)
  })
})

describe('webhook signatures', () => {
  const raw = '{"question":"steel?"}'
  const verify = (headers: Record<string, string>, rawBody = raw) =>
    verifyWebhook(secret, { timestamp: headers['x-timestamp'], signature: headers['x-signature-256'], rawBody })

  it('signs so that an independent HMAC implementation agrees', async () => {
    const now = Date.now()
    expect(await signWebhook(secret, raw, now)).toEqual(webhookHeaders(secret, raw, Math.floor(now / 1000)))
  })

  it('accepts a valid signature and rejects a wrong secret, a modified body and a 301 s old timestamp', async () => {
    expect(await verify(webhookHeaders(secret, raw))).toBe(true)
    expect(await verify(webhookHeaders('other', raw))).toBe(false)
    expect(await verify(webhookHeaders(secret, raw), raw.replace('steel', 'coal'))).toBe(false)
    expect(await verify(webhookHeaders(secret, raw, nowSeconds() - 301))).toBe(false)
  })
})
