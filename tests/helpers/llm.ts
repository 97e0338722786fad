import { LlmAnswerer } from '../../src/llm/answerer.js'
import type { AskResponse } from '../../src/core/types.js'
import type { Services } from '../../src/services.js'

/** A question the article answers, shared by the model-path tests. */
export const QUESTION = 'Which cities host kaolin clusters?'
/** Verbatim pieces of the article's sentences that a scripted model quotes. */
export const KAOLIN = 'kaolin industrial clusters in Xinzhou and Shuozhou cities'
export const CARBON = 'industrial carbon clusters in Jinzhong and Datong cities'

export interface SentPassage {
  id: number
  document: string
  text: string
  context?: string
}

/** The numbered passages the service sent in a chat request, parsed back from the JSON data block. */
export function passagesOf(body: any): SentPassage[] {
  const user = String(body.messages.at(-1).content)
  const start = user.indexOf('Passages (JSON data):\n') + 'Passages (JSON data):\n'.length
  return JSON.parse(user.slice(start, user.indexOf('\n\nQuestion (JSON data):\n')))
}

/** The id of the first passage sent that contains `needle` (what a model reading them would cite). */
export function passageWith(body: any, ...needles: string[]): number {
  const found = passagesOf(body).find((p) => needles.every((n) => p.text.includes(n)))
  if (!found) throw new Error(`no passage sent contains ${needles.map((n) => `"${n}"`).join(' and ')}`)
  return found.id
}

export const modelJson = (answer: string, citations: Array<{ passageId: number; quote: string }>, answerable = true) =>
  JSON.stringify({ answerable, citations, answer })

/** What the services' own fallback answerer says to a question, plus the reason the model path gave up. */
export async function fallbackFor(services: Services, question: string, fallbackReason: string): Promise<AskResponse> {
  if (!(services.answerer instanceof LlmAnswerer)) throw new Error('these services are not in model mode')
  const answer = await services.answerer.fallback.ask({ question })
  return { ...answer, fallbackReason }
}

/** The exact citation of `quote` in the first document that contains it. */
export function citationOf(services: Services, id: number, quote: string) {
  const doc = services.corpus.documents.find((d) => d.text.includes(quote))!
  const start = doc.text.indexOf(quote)
  return { id, documentId: doc.id, title: doc.title, quote, start, end: start + quote.length }
}

export interface SseEvent {
  event: string
  data: any
}

/** Parses a complete Server-Sent Events body into `{ event, data }` with JSON data. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n')
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message'
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n')
      return { event, data: JSON.parse(data) }
    })
}
