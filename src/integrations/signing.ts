const encoder = new TextEncoder()

/** Maximum clock difference, in seconds, between a signed request and this server. */
export const MAX_SIGNATURE_AGE_SECONDS = 300

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage])

const toHex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined
  const bytes = new Uint8Array(32)
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/**
 * HMAC-SHA256 of `message` under `secret`, as lowercase hex. Web Crypto only, so it runs on Node and Workers.
 *
 * @example await hmacSha256Hex('secret', '1700000000.{}') // '5b1c…'
 */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(message)))
}

/**
 * True when `hex` is the HMAC-SHA256 of `message` under `secret`. The comparison is done by
 * `crypto.subtle.verify`, which compares in constant time.
 *
 * @example await verifyHmacSha256Hex('secret', 'message', await hmacSha256Hex('secret', 'message')) // true
 */
export async function verifyHmacSha256Hex(secret: string, message: string, hex: string): Promise<boolean> {
  const signature = fromHex(hex)
  if (!signature) return false
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), signature, encoder.encode(message))
}

/** True when `timestamp` (Unix seconds, digits only) is within 300 s of `nowMs`, either way. */
export function timestampIsFresh(timestamp: string | undefined, nowMs = Date.now()): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= MAX_SIGNATURE_AGE_SECONDS
}
