import type { FaqItem } from '../core/types.js'
import { WidgetApi, WidgetError } from './api.js'
import { answerView } from './answer-view.js'
import { h, uid } from './dom.js'
import { STYLES } from './styles.js'

const DEFAULT_TITLE = 'Ask the blueprint'
const DEFAULT_PLACEHOLDER = 'e.g. Which cities host the kaolin clusters?'

/** States of the ask box, mirrored in `data-state` on the result region. */
export type AskState = 'idle' | 'loading' | 'streaming' | 'answered' | 'not-in-source' | 'error'

/**
 * Defines `<blueprint-faq>`: a FAQ accordion from `GET /faq.json` and an ask box that streams from
 * `POST /ask/stream`. `api-base` defaults to `defaultBase` (the origin the script was loaded from).
 *
 * @example defineBlueprintFaq(new URL(document.currentScript.src).origin)
 */
export function defineBlueprintFaq(defaultBase: string, name = 'blueprint-faq'): void {
  if (customElements.get(name)) return
  customElements.define(
    name,
    class BlueprintFaq extends HTMLElement {
      static observedAttributes = ['title', 'placeholder', 'api-base']
      #api = new WidgetApi(defaultBase)
      #abort: AbortController | undefined
      #question = ''
      #parts: { heading: HTMLElement; faq: HTMLElement; input: HTMLInputElement; result: HTMLElement } | undefined

      connectedCallback() {
        if (this.#parts) return
        this.#api = new WidgetApi(this.getAttribute('api-base') || defaultBase)
        const shadow = this.attachShadow({ mode: 'open' })
        const headingId = uid('title')
        const inputId = uid('question')
        const heading = h('h2', { id: headingId })
        const input = h('input', { id: inputId, type: 'text', name: 'question', autocomplete: 'off', maxlength: 2000, enterkeyhint: 'send' })
        const faq = h('div', { class: 'faq-section' }, h('p', { class: 'status' }, 'Loading questions…'))
        const result = h('div', { class: 'result', role: 'region', 'aria-live': 'polite', 'aria-label': 'Answer', 'data-state': 'idle' })
        const form = h(
          'form',
          { onsubmit: (event: Event) => (event.preventDefault(), this.#ask(input.value)) },
          h('label', { for: inputId }, 'Ask your own question'),
          h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'ask' }, 'Ask')),
        )
        const sub = h('p', { class: 'sub' }, 'Every answer quotes the source. Activate a footnote to see the quote in its paragraph.')
        // An empty title inside stops the host's `title` attribute from showing as a tooltip everywhere.
        shadow.append(h('style', {}, STYLES), h('section', { class: 'bq', title: '', 'aria-labelledby': headingId }, heading, sub, faq, form, result))
        this.#parts = { heading, faq, input, result }
        this.#render()
        void this.#loadFaq()
      }

      disconnectedCallback() {
        this.#abort?.abort()
      }

      attributeChangedCallback(name: string) {
        if (name === 'api-base') this.#api = new WidgetApi(this.getAttribute('api-base') || defaultBase)
        this.#render()
      }

      #render() {
        if (!this.#parts) return
        this.#parts.heading.textContent = this.getAttribute('title') || DEFAULT_TITLE
        this.#parts.input.placeholder = this.getAttribute('placeholder') || DEFAULT_PLACEHOLDER
      }

      async #loadFaq() {
        const { faq } = this.#parts!
        try {
          const items = await this.#api.faq()
          faq.replaceChildren(...(items.length ? [h('h3', {}, 'Frequently asked'), h('ul', { class: 'faq' }, ...items.map((item) => this.#faqItem(item)))] : []))
        } catch (error) {
          faq.replaceChildren(
            h('p', { class: 'error', role: 'alert' }, `The questions could not be loaded: ${(error as Error).message}`),
            h('button', { type: 'button', class: 'retry', onclick: () => void this.#loadFaq() }, 'Try again'),
          )
        }
      }

      #faqItem(item: FaqItem): HTMLElement {
        const buttonId = uid('faq-q')
        const panelId = uid('faq-a')
        const panel = h('div', { id: panelId, role: 'region', 'aria-labelledby': buttonId, hidden: true })
        const button = h('button', { type: 'button', class: 'q', id: buttonId, 'aria-expanded': 'false', 'aria-controls': panelId }, item.question)
        button.addEventListener('click', () => {
          const open = button.getAttribute('aria-expanded') !== 'true'
          if (open && !panel.firstChild) panel.append(answerView(this.#api, item))
          button.setAttribute('aria-expanded', String(open))
          panel.hidden = !open
        })
        return h('li', {}, h('h4', {}, button), panel)
      }

      #state(state: AskState, ...content: Node[]) {
        const { result } = this.#parts!
        result.dataset.state = state
        result.setAttribute('aria-busy', String(state === 'loading' || state === 'streaming'))
        result.replaceChildren(h('p', { class: 'asked' }, 'You asked: ', h('q', {}, this.#question)), ...content)
      }

      async #ask(raw: string) {
        const question = raw.trim()
        if (!question) return this.#parts!.input.focus()
        this.#question = question
        this.#abort?.abort()
        const abort = (this.#abort = new AbortController())
        this.#state('loading', h('p', { class: 'status' }, 'Searching the blueprint…'))
        const streamed = h('p', { class: 'text' })
        try {
          const response = await this.#api.ask(
            question,
            (text) => {
              if (this.#parts!.result.dataset.state !== 'streaming') this.#state('streaming', streamed)
              streamed.append(text)
            },
            abort.signal,
          )
          if (abort.signal.aborted) return
          this.#state(response.grounded ? 'answered' : 'not-in-source', answerView(this.#api, response))
        } catch (error) {
          if (abort.signal.aborted) return
          const message = error instanceof WidgetError ? error.message : 'The service could not be reached. Check your connection.'
          this.#state(
            'error',
            h('div', { class: 'error', role: 'alert' }, h('p', {}, message)),
            h('button', { type: 'button', class: 'retry', onclick: () => void this.#ask(this.#question) }, 'Try again'),
          )
        }
      }
    },
  )
}
