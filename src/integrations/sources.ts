import type { AskResponse, Citation } from '../core/types.js'

/** Heading of the footnote list that follows an answer in plain-text channels. */
export const SOURCES_HEADING = 'Sources:'

/** Link to the exact span of a citation: `<base>/documents/<id>#<start>-<end>`. */
export const citationLink = (baseUrl: string, c: Pick<Citation, 'documentId' | 'start' | 'end'>) =>
  `${baseUrl.replace(/\/+$/, '')}/documents/${encodeURIComponent(c.documentId)}#${c.start}-${c.end}`

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The footnote list alone, starting with a blank line; empty for refusals or answers without citations. */
export function sourcesFootnotes(response: Pick<AskResponse, 'grounded' | 'citations'>, baseUrl: string | undefined): string {
  if (!response.grounded || response.citations.length === 0) return ''
  const lines = response.citations.map((c) => {
    const where = baseUrl ? `${c.title} (${citationLink(baseUrl, c)})` : c.title
    return `- [${c.id}] "${oneLine(c.quote)}" — ${where}`
  })
  return `\n\n${SOURCES_HEADING}\n${lines.join('\n')}`
}

/**
 * The answer with its `[n]` markers kept and a "Sources:" footnote list of quotes and links;
 * `grounded: false` answers are returned as they are.
 *
 * @example
 * withSources(response, 'https://qa.example.org')
 * // "Kaolin clusters are in Xinzhou and Shuozhou [1].\n\nSources:\n- [1] \"…\" — Title (https://qa.example.org/documents/doc#10-90)"
 */
export const withSources = (response: AskResponse, baseUrl: string | undefined): string => response.answer + sourcesFootnotes(response, baseUrl)

/** Removes a footnote list this service appended, so earlier answers can be sent back as history. */
export function stripSources(text: string): string {
  const at = text.lastIndexOf(`\n\n${SOURCES_HEADING}\n`)
  return at >= 0 ? text.slice(0, at) : text
}
