import type { AskResponse } from '../../core/types.js'

export interface MrkdwnText {
  type: 'mrkdwn'
  text: string
}
export type Block = { type: 'section'; text: MrkdwnText } | { type: 'context'; elements: MrkdwnText[] }

export interface SlackMessage {
  /** Notification fallback; escaped like the blocks, because Slack parses it too. */
  text: string
  blocks: Block[]
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Escapes `&`, `<` and `>` so text can never form a mention, a broadcast or a link in Slack mrkdwn.
 *
 * @example escapeMrkdwn('<!channel> & co') // '&lt;!channel&gt; &amp; co'
 */
export const escapeMrkdwn = (text: string): string => text.replace(/[&<>]/g, (ch) => ENTITIES[ch]!)

/** Escapes and shortens to at most `max` characters (after escaping), never splitting an entity or a code point. */
export function clipEscaped(text: string, max: number): string {
  const chars = [...text.trim()]
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    const piece = escapeMrkdwn(chars[i]!)
    const last = i === chars.length - 1
    if (out.length + piece.length > (last ? max : max - 1)) return `${out.trimEnd()}…`
    out += piece
  }
  return out
}

const SECTION_MAX = 3000
const QUESTION_MAX = 300
const QUOTE_MAX = 160
const MAX_CITATIONS = 10

/** Link to the cited span: `/documents/:id#start-end` on the public base URL. */
export const citationUrl = (baseUrl: string, c: { documentId: string; start: number; end: number }) =>
  `${baseUrl.replace(/\/+$/, '')}/documents/${encodeURIComponent(c.documentId)}#${c.start}-${c.end}`

/**
 * Renders an answer as Block Kit: the question, the answer in a section, then a context block with
 * the numbered citations (short quote and link). Every piece of user or model text is escaped.
 *
 * @example answerMessage(await answerer.ask({ question }), { question, baseUrl: 'https://qa.example.org' })
 */
export function answerMessage(response: AskResponse, { question, baseUrl }: { question: string; baseUrl: string }): SlackMessage {
  const blocks: Block[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `*Question:* ${clipEscaped(question, QUESTION_MAX)}` }] },
    { type: 'section', text: { type: 'mrkdwn', text: clipEscaped(response.answer, SECTION_MAX) } },
  ]
  if (!response.grounded) {
    // ("Which city is the Wenxi park in?": the documents don't say, and what they do say about it is cited.)
    const text = response.citations.length
      ? 'Not found in the documents: they do not answer this; the source below is what they say instead.'
      : 'Not found in the documents: no source supports an answer, so nothing is cited.'
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text }] })
  }
  const lines: string[] = []
  for (const c of response.citations.slice(0, MAX_CITATIONS)) {
    const link = `<${escapeMrkdwn(citationUrl(baseUrl, c))}|${clipEscaped(c.title, 100)}>`
    const line = `*[${c.id}]* ${link}: “${clipEscaped(c.quote.replace(/\s+/g, ' '), QUOTE_MAX)}”`
    if (lines.join('\n').length + line.length + 40 > SECTION_MAX) break
    lines.push(line)
  }
  const more = response.citations.length - lines.length
  if (more > 0) lines.push(`…and ${more} more`)
  if (lines.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n') }] })
  return { text: clipEscaped(response.answer, SECTION_MAX), blocks }
}

/** A short message with no answer, e.g. an acknowledgement or an error. */
export const noticeMessage = (text: string): SlackMessage => ({
  text: escapeMrkdwn(text),
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }],
})
