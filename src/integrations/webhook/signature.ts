import { hmacSha256Hex, timestampIsFresh, verifyHmacSha256Hex } from '../signing.js'

export interface SignatureHeaders {
  'x-timestamp': string
  'x-signature-256': string
}

/**
 * Signs a webhook body: `X-Signature-256: sha256=<hex>` is HMAC-SHA256 of `<timestamp>.<raw body>`.
 *
 * @example await signWebhook(secret, JSON.stringify({ question: 'steel?' })) // { 'x-timestamp': '…', 'x-signature-256': 'sha256=…' }
 */
export async function signWebhook(secret: string, rawBody: string, nowMs = Date.now()): Promise<SignatureHeaders> {
  const timestamp = String(Math.floor(nowMs / 1000))
  return { 'x-timestamp': timestamp, 'x-signature-256': `sha256=${await hmacSha256Hex(secret, `${timestamp}.${rawBody}`)}` }
}

/** True when the signature matches the raw body and the timestamp is within 300 s of now. */
export async function verifyWebhook(
  secret: string,
  request: { timestamp: string | undefined; signature: string | undefined; rawBody: string },
  nowMs = Date.now(),
): Promise<boolean> {
  const { timestamp, signature, rawBody } = request
  if (!signature?.startsWith('sha256=') || !timestampIsFresh(timestamp, nowMs)) return false
  return verifyHmacSha256Hex(secret, `${timestamp}.${rawBody}`, signature.slice('sha256='.length))
}
