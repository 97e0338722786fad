import { timestampIsFresh, verifyHmacSha256Hex } from '../signing.js'

export interface SlackSignedRequest {
  /** `X-Slack-Request-Timestamp` */
  timestamp: string | undefined
  /** `X-Slack-Signature`, `v0=<hex>` */
  signature: string | undefined
  /** The body exactly as received, before any parsing. */
  rawBody: string
}

/**
 * Verifies a Slack request: HMAC-SHA256 of `v0:{timestamp}:{raw body}` under the signing secret,
 * compared in constant time; timestamps more than 300 s away from now are rejected.
 *
 * @example await verifySlackRequest(secret, { timestamp, signature, rawBody: await c.req.text() })
 */
export async function verifySlackRequest(secret: string, request: SlackSignedRequest, nowMs = Date.now()): Promise<boolean> {
  const { timestamp, signature, rawBody } = request
  if (!signature?.startsWith('v0=') || !timestampIsFresh(timestamp, nowMs)) return false
  return verifyHmacSha256Hex(secret, `v0:${timestamp}:${rawBody}`, signature.slice(3))
}
