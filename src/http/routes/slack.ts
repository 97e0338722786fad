import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { handleSlashCommand, parseSlashCommand } from '../../integrations/slack/commands.js'
import { TtlSet } from '../../integrations/slack/dedupe.js'
import { answerInThread, questionFromEvent, type EventEnvelope } from '../../integrations/slack/events.js'
import { verifySlackRequest } from '../../integrations/slack/verify.js'
import type { Services } from '../../services.js'
import { runInBackground } from '../background.js'
import { ApiError } from '../errors.js'

/** Slack's retries come within minutes; an hour covers them with room to spare. */
const EVENT_TTL_MS = 60 * 60_000
const MAX_REMEMBERED_EVENTS = 10_000
/** Slack wants an answer within 3 s; inline answers must be ready well before that. */
const INLINE_BUDGET_MS = 2_000

/** Rejects requests without a valid Slack signature, checked on the raw body before any parsing. */
const slackSignature =
  (secret: string | undefined): MiddlewareHandler =>
  async (c, next) => {
    if (!secret) throw new ApiError(503, 'unavailable', 'Slack is not configured: set SLACK_SIGNING_SECRET')
    const valid = await verifySlackRequest(secret, {
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      rawBody: await c.req.text(),
    })
    if (!valid) throw new ApiError(401, 'unauthorized', 'Missing, invalid or expired Slack signature')
    await next()
  }

export interface SlackRouteOptions {
  logError?: ((error: unknown) => void) | undefined
}

export function slackRoutes({ config, answerer, slack }: Services, { logError }: SlackRouteOptions = {}) {
  const seen = new TtlSet(EVENT_TTL_MS, MAX_REMEMBERED_EVENTS)
  const baseUrl = (c: Context) => config.publicBaseUrl ?? new URL(c.req.url).origin
  return new Hono()
    .post('/slack/commands', slackSignature(config.slack.signingSecret), async (c) => {
      const raw = await c.req.text()
      if (new URLSearchParams(raw).get('ssl_check') === '1') return c.body(null, 200)
      const reply = await handleSlashCommand(parseSlashCommand(raw), {
        answerer,
        responseType: config.slack.responseType,
        baseUrl: baseUrl(c),
        inlineBudgetMs: config.llmEnabled ? 0 : INLINE_BUDGET_MS,
        defer: (task) => runInBackground(c, task, logError),
      })
      return c.json(reply)
    })
    .post('/slack/events', slackSignature(config.slack.signingSecret), async (c) => {
      let envelope: EventEnvelope
      try {
        envelope = JSON.parse(await c.req.text()) as EventEnvelope
      } catch {
        throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON')
      }
      if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) throw new ApiError(400, 'invalid_request', 'The event body must be a JSON object')
      if (envelope.type === 'url_verification') return c.json({ challenge: String(envelope.challenge ?? '') })
      const question = questionFromEvent(envelope, seen)
      if (question && !slack) logError?.(new Error('Slack event received but SLACK_BOT_TOKEN is not set; not answering'))
      if (question && slack) runInBackground(c, answerInThread(question, { answerer, slack, baseUrl: baseUrl(c) }), logError)
      return c.body(null, 200)
    })
}
