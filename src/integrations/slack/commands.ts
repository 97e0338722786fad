import type { Answerer } from '../../answer/answerer.js'
import type { AskResponse } from '../../core/types.js'
import { answerMessage, noticeMessage, type SlackMessage } from './format.js'
import { slackTextToPlain } from './text.js'

export type ResponseType = 'in_channel' | 'ephemeral'
export type CommandReply = SlackMessage & { response_type: ResponseType }

export interface SlashCommand {
  text: string
  responseUrl: string | undefined
}

export interface CommandDeps {
  answerer: Answerer
  responseType: ResponseType
  baseUrl: string
  /** Answer inline only if it is ready within this many ms; 0 always answers via `response_url`. */
  inlineBudgetMs: number
  /** Schedules work that outlives the acknowledgement. */
  defer: (task: Promise<unknown>) => void
}

export const LOOKING_UP = 'Looking that up…'
export const USAGE = 'Ask a question about the documents, for example: /blueprint which cities host kaolin clusters?'
const MAX_QUESTION = 2000

/** Reads the form-encoded slash command body (after its signature was verified). */
export function parseSlashCommand(rawBody: string): SlashCommand {
  const form = new URLSearchParams(rawBody)
  return { text: slackTextToPlain(form.get('text') ?? ''), responseUrl: form.get('response_url') ?? undefined }
}

const ephemeral = (text: string): CommandReply => ({ response_type: 'ephemeral', ...noticeMessage(text) })

/** POSTs a reply to the command's `response_url`. */
export async function postToResponseUrl(responseUrl: string, reply: CommandReply): Promise<void> {
  const res = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...reply, replace_original: false }),
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) throw new Error(`response_url answered ${res.status}`)
}

const isHttpUrl = (url: string | undefined): url is string => {
  try {
    return url !== undefined && /^https?:$/.test(new URL(url).protocol)
  } catch {
    return false
  }
}

/**
 * Answers a slash command within Slack's 3 s: inline when the answer is ready within the budget,
 * otherwise an ephemeral "Looking that up…" now and the answer to `response_url` later.
 *
 * @example const reply = await handleSlashCommand(parseSlashCommand(raw), deps)
 */
export async function handleSlashCommand(command: SlashCommand, deps: CommandDeps): Promise<CommandReply> {
  const question = command.text
  if (!question) return ephemeral(USAGE)
  if (question.length > MAX_QUESTION) return ephemeral(`Questions can be at most ${MAX_QUESTION} characters.`)
  const toReply = (response: AskResponse): CommandReply => ({ response_type: deps.responseType, ...answerMessage(response, { question, baseUrl: deps.baseUrl }) })
  const pending = deps.answerer.ask({ question }).then(toReply, (error: unknown) => ({ failed: error }))
  if (deps.inlineBudgetMs > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, deps.inlineBudgetMs, 'late')))
    const first = await Promise.race([pending, late])
    clearTimeout(timer)
    if (first !== 'late') {
      if ('failed' in first) throw first.failed
      return first
    }
  }
  const responseUrl = command.responseUrl
  if (!isHttpUrl(responseUrl)) return ephemeral('This command arrived without a usable response_url, so the answer cannot be delivered.')
  deps.defer(
    pending.then(async (reply) => {
      if (!('failed' in reply)) return postToResponseUrl(responseUrl, reply)
      await postToResponseUrl(responseUrl, ephemeral('Sorry, something went wrong while answering. Please try again.'))
      throw reply.failed
    }),
  )
  return ephemeral(LOOKING_UP)
}
