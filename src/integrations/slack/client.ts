import type { WebClient } from '@slack/web-api'
import type { Config } from '../../config.js'
import type { SlackMessage } from './format.js'

export interface ThreadMessage {
  ts: string
  text: string
  user?: string | undefined
  botId?: string | undefined
}

/** The two Web API calls the bot makes; the adapter below is the only place that knows `WebClient`. */
export interface SlackApi {
  postMessage(target: { channel: string; threadTs: string }, message: SlackMessage): Promise<void>
  threadReplies(channel: string, threadTs: string, limit: number): Promise<ThreadMessage[]>
}

/**
 * Builds the Slack Web API client once, from config; `undefined` without `SLACK_BOT_TOKEN`.
 * `@slack/web-api` is loaded on the first call, so start-up doesn't pay for it.
 * Rate limits are left to `@slack/web-api`: on 429 it pauses its queue for `Retry-After` seconds
 * and retries, here at most 3 times with exponential backoff.
 *
 * @example const slack = createSlackApi(config); await slack?.postMessage({ channel, threadTs }, message)
 */
export function createSlackApi({ slack }: Config): SlackApi | undefined {
  const token = slack.botToken
  if (!token) return undefined
  let client: Promise<WebClient> | undefined
  const web = () =>
    (client ??= import('@slack/web-api').then(
      ({ LogLevel, WebClient }) =>
        new WebClient(token, {
          ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
          retryConfig: { retries: 3, factor: 2, minTimeout: slack.retryBackoffMs, maxTimeout: slack.retryBackoffMs * 8, randomize: false },
          rejectRateLimitedCalls: false,
          timeout: 10_000,
          logLevel: LogLevel.ERROR,
        }),
    ))
  return {
    async postMessage({ channel, threadTs }, { text, blocks }) {
      await (await web()).chat.postMessage({ channel, thread_ts: threadTs, text, blocks, unfurl_links: false, unfurl_media: false })
    },
    async threadReplies(channel, threadTs, limit) {
      const res = await (await web()).conversations.replies({ channel, ts: threadTs, limit })
      return (res.messages ?? []).map((m) => ({ ts: m.ts ?? '', text: m.text ?? '', user: m.user, botId: m.bot_id }))
    },
  }
}
