import type { AskResponse, Citation } from '../core/types.js'
import type { WidgetApi } from './api.js'
import { h, uid } from './dom.js'
import { quoteInParagraph } from './quote.js'

export const NOT_IN_SOURCE = "The blueprint doesn't say."

/** The answer text with every `[n]` turned into a footnote button; all text goes in as Text nodes. */
function answerText(answer: string, citations: readonly Citation[], open: (c: Citation, from: HTMLElement) => void): Node[] {
  const nodes: Node[] = []
  let last = 0
  for (const m of answer.matchAll(/\[(\d+)\]/g)) {
    const citation = citations.find((c) => c.id === Number(m[1]))
    if (!citation) continue
    nodes.push(document.createTextNode(answer.slice(last, m.index)))
    const button: HTMLButtonElement = h(
      'button',
      { type: 'button', class: 'fn', 'aria-label': `Source ${citation.id}`, 'data-citation': citation.id, onclick: () => open(citation, button) },
      `[${citation.id}]`,
    )
    nodes.push(h('sup', {}, button))
    last = m.index + m[0].length
  }
  nodes.push(document.createTextNode(answer.slice(last)))
  return nodes
}

/** Fills the context panel with the cited quote, highlighted inside its paragraph. */
async function showContext(api: WidgetApi, panel: HTMLElement, citation: Citation): Promise<void> {
  panel.hidden = false
  panel.replaceChildren(h('p', { class: 'status' }, 'Loading the source…'))
  try {
    const doc = await api.document(citation.documentId)
    const { before, quote, after } = quoteInParagraph(doc.text, citation.start, citation.end)
    const link = h('a', { href: api.url(`/documents/${encodeURIComponent(doc.id)}`), target: '_blank', rel: 'noopener' }, 'the full document')
    panel.replaceChildren(
      h('p', { class: 'context-title' }, `Source ${citation.id}: `, h('cite', {}, doc.title)),
      h('blockquote', {}, h('p', {}, before.trimStart(), h('mark', {}, quote), after.trimEnd())),
      h('p', { class: 'small' }, 'Read ', link, '.'),
    )
  } catch (error) {
    panel.replaceChildren(h('p', { class: 'error', role: 'alert' }, `The source could not be loaded: ${(error as Error).message}`))
  }
}

/**
 * Renders a cited answer: the text with `[n]` footnote buttons, the numbered quotes, and a panel that
 * shows a quote highlighted in its paragraph when a footnote is activated. `grounded: false` answers
 * lead with "The blueprint doesn't say."
 *
 * @example result.replaceChildren(answerView(api, response))
 */
export function answerView(api: WidgetApi, response: AskResponse): HTMLElement {
  const panel = h('div', { class: 'context', id: uid('context'), tabindex: -1, hidden: true })
  let current: HTMLElement | undefined
  const open = (citation: Citation, from: HTMLElement) => {
    for (const b of root.querySelectorAll('[aria-controls="' + panel.id + '"]')) b.setAttribute('aria-expanded', 'false')
    if (current === from && !panel.hidden) {
      panel.hidden = true
      current = undefined
      return
    }
    current = from
    from.setAttribute('aria-expanded', 'true')
    void showContext(api, panel, citation).then(() => panel.focus({ preventScroll: false }))
  }
  const sources = response.citations.map((c) => {
    const button: HTMLButtonElement = h('button', { type: 'button', class: 'src', 'aria-label': `Show source ${c.id} in context`, onclick: () => open(c, button) }, `${c.id}`)
    return h('li', { 'data-citation': c.id }, button, ' ', h('q', {}, c.quote))
  })
  const root = h(
    'div',
    { class: 'answer', 'data-grounded': String(response.grounded) },
    response.grounded ? null : h('p', { class: 'not-in-source' }, h('strong', {}, NOT_IN_SOURCE)),
    h('p', { class: 'text' }, ...answerText(response.answer, response.citations, open)),
    sources.length ? h('ol', { class: 'sources', 'aria-label': 'Sources' }, ...sources) : null,
    panel,
  )
  for (const b of root.querySelectorAll('button.fn, button.src')) {
    b.setAttribute('aria-controls', panel.id)
    b.setAttribute('aria-expanded', 'false')
  }
  return root
}
