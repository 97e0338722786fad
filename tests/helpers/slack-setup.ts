import type { Answerer, AskInput } from '../../src/answer/answerer.js'
import { parseConfig } from '../../src/config.js'
import { loadNodeServices } from '../../src/node/services.js'
import { postJson, startServer, type RunningServer } from './server.js'
import { slackHeaders } from './signing.js'

export interface ObservedServer extends RunningServer {
  /** Every input the answerer received. */
  asked: AskInput[]
}

/** Starts the app with `env`; its real answerer is wrapped to record inputs and optionally delayed. */
export async function startObservedServer(env: Record<string, string>, delayMs = 0): Promise<ObservedServer> {
  const services = await loadNodeServices(parseConfig(env))
  const asked: AskInput[] = []
  const real = services.answerer
  const answerer: Answerer = {
    async ask(input, signal) {
      asked.push(input)
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
      return real.ask(input, signal)
    },
  }
  const server = await startServer(env, { ...services, answerer })
  return { ...server, asked }
}

export const commandBody = (text: string, responseUrl: string) =>
  new URLSearchParams({
    token: 'legacy-token',
    team_id: 'T0001',
    channel_id: 'C0001',
    user_id: 'U0HUMAN',
    command: '/blueprint',
    text,
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  }).toString()

export const postForm = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body })

export const postSlackEvent = (url: string, secret: string, envelope: unknown, headers: Record<string, string> = {}) => {
  const body = JSON.stringify(envelope)
  return postJson(`${url}/slack/events`, body, { ...slackHeaders(secret, body), ...headers })
}

let counter = 0
/** An `event_callback` envelope as Slack sends it; the bot's own user is `U0BOT`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++counter}${Date.now()}`) {
  return {
    token: 'legacy-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'U0BOT', is_bot: true }],
    event: { event_ts: event.ts, ...event },
  }
}

export const escapeForSlack = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
