import { Hono } from 'hono'
import { signalFor } from '../../answer/answerer.js'
import * as z from 'zod'
import type { AskResponse } from '../../core/types.js'
import { CallbackUrlError, checkCallbackUrl, deliverCallback } from '../../integrations/webhook/callback.js'
import { verifyWebhook } from '../../integrations/webhook/signature.js'
import type { Services } from '../../services.js'
import { runInBackground } from '../background.js'
import { requestSignal } from '../context.js'
import { ApiError } from '../errors.js'
import { AskRequestSchema } from '../schemas.js'
import { describeIssues, requireJson } from '../validate.js'

const WebhookRequestSchema = AskRequestSchema.extend({ callbackUrl: z.string().max(2000).optional() })

export interface WebhookRouteOptions {
  logError?: ((error: unknown) => void) | undefined
}

function parseBody(raw: string) {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON')
  }
  const result = WebhookRequestSchema.safeParse(json)
  if (!result.success) throw new ApiError(400, 'invalid_request', describeIssues(result.error))
  return result.data
}

export function webhookRoutes({ config, answerer }: Services, { logError }: WebhookRouteOptions = {}) {
  const { secret, callbackHosts, callbackRetries, callbackBackoffMs } = config.webhook
  return new Hono().post('/webhook', async (c) => {
    if (!secret) throw new ApiError(503, 'unavailable', 'The webhook is not configured: set WEBHOOK_SECRET')
    const rawBody = await c.req.text()
    const valid = await verifyWebhook(secret, { timestamp: c.req.header('x-timestamp'), signature: c.req.header('x-signature-256'), rawBody })
    if (!valid) throw new ApiError(401, 'unauthorized', 'Missing, invalid or expired signature')
    await requireJson(c, async () => {})
    const { question, history, callbackUrl } = parseBody(rawBody)
    if (callbackUrl === undefined) return c.json(await answerer.ask({ question, history }, signalFor(answerer, () => requestSignal(c))))
    let url: URL
    try {
      url = checkCallbackUrl(callbackUrl, callbackHosts)
    } catch (error) {
      if (!(error instanceof CallbackUrlError)) throw error
      throw error.reason === 'host' ? new ApiError(403, 'callback_not_allowed', error.message) : new ApiError(400, 'invalid_request', error.message)
    }
    const requestId = crypto.randomUUID()
    const deliver = async () => {
      const payload = await answerer.ask({ question, history }).then(
        (response: AskResponse) => ({ requestId, ...response }),
        (error: unknown) => {
          logError?.(error)
          return { requestId, error: { code: 'internal_error', message: 'The question could not be answered' } }
        },
      )
      await deliverCallback(url, JSON.stringify(payload), { secret, retries: callbackRetries, backoffMs: callbackBackoffMs })
    }
    runInBackground(c, deliver(), logError)
    return c.json({ requestId, status: 'accepted' }, 202)
  })
}
