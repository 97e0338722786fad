import type { AskResponse, FaqItem } from '../core/types.js'
import { readSse } from './sse.js'

export interface DocumentView {
  id: string
  title: string
  text: string
  metadata: { url?: string; source?: string; date?: string }
}

/** A request the widget could not complete; `retryable` means showing "Try again" makes sense. */
export class WidgetError extends Error {
  override name = 'WidgetError'
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message)
  }
}

const failure = async (res: Response) => {
  if (res.status === 429) return new WidgetError('Too many questions right now. Wait a moment, then try again.', 429)
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
  return new WidgetError(body?.error?.message ?? `The service answered ${res.status}.`, res.status)
}

/** The widget's view of the HTTP API: FAQ, streamed answers with a plain fallback, cached documents. */
export class WidgetApi {
  readonly #documents = new Map<string, Promise<DocumentView>>()

  constructor(readonly base: string) {}

  url(path: string): string {
    return `${this.base.replace(/\/+$/, '')}${path}`
  }

  async faq(): Promise<FaqItem[]> {
    const res = await fetch(this.url('/faq.json'))
    if (!res.ok) throw await failure(res)
    return ((await res.json()) as { items: FaqItem[] }).items
  }

  /** Streams from `POST /ask/stream`; if streaming fails for any reason but a 429, asks `POST /ask` instead. */
  async ask(question: string, onToken: (text: string) => void, signal: AbortSignal): Promise<AskResponse> {
    try {
      return await this.#stream(question, onToken, signal)
    } catch (error) {
      if (signal.aborted || (error instanceof WidgetError && error.status === 429)) throw error
      const res = await this.#post('/ask', question, signal)
      if (!res.ok) throw await failure(res)
      return (await res.json()) as AskResponse
    }
  }

  document(id: string): Promise<DocumentView> {
    let doc = this.#documents.get(id)
    if (!doc) {
      doc = fetch(this.url(`/documents/${encodeURIComponent(id)}`)).then(async (res) => {
        if (!res.ok) throw await failure(res)
        return (await res.json()) as DocumentView
      })
      doc.catch(() => this.#documents.delete(id))
      this.#documents.set(id, doc)
    }
    return doc
  }

  #post(path: string, question: string, signal: AbortSignal) {
    return fetch(this.url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }), signal })
  }

  async #stream(question: string, onToken: (text: string) => void, signal: AbortSignal): Promise<AskResponse> {
    const res = await this.#post('/ask/stream', question, signal)
    if (!res.ok) throw await failure(res)
    if (!res.body || !/text\/event-stream/.test(res.headers.get('content-type') ?? '')) throw new WidgetError('not an event stream')
    for await (const { event, data } of readSse(res.body)) {
      if (event === 'token') onToken((JSON.parse(data) as { text: string }).text)
      else if (event === 'done') return JSON.parse(data) as AskResponse
      else if (event === 'error') throw new WidgetError((JSON.parse(data) as { error: { message: string } }).error.message, 500)
    }
    throw new WidgetError('the stream ended before the answer was complete')
  }
}
