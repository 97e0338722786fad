import { createHmac } from 'node:crypto'

export const nowSeconds = () => Math.floor(Date.now() / 1000)

/** Slack's documented algorithm: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` under the signing secret. */
export function slackHeaders(secret: string, body: string, timestamp = nowSeconds()): Record<string, string> {
  const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }
}

/** The webhook scheme: `X-Signature-256: sha256=` + hex HMAC-SHA256 of `{timestamp}.{body}`. */
export function webhookHeaders(secret: string, body: string, timestamp = nowSeconds()): Record<string, string> {
  const signature = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return { 'x-timestamp': String(timestamp), 'x-signature-256': signature }
}
