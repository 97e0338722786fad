import type { AnswerEvent, Answerer, AskInput, StreamingAnswerer } from '../answer/answerer.js'
import { notInSource } from '../answer/extractive.js'
import type { Corpus } from '../core/corpus.js'
import type { Passage, Retriever } from '../core/retriever.js'
import type { AskResponse } from '../core/types.js'
import { AnswerAssembler, loadPartialJsonParser } from './assembler.js'
import { fallbackReason, type FallbackReason } from './errors.js'
import { modelDeltas, type AnswerChain } from './generate.js'
import { numberPassages, type ExtraPassages } from './passages.js'
import { promptInput } from './prompt.js'

export interface LlmAnswererOptions {
  corpus: Corpus
  retriever: Retriever
  chain: AnswerChain
  /** Answers when the model can't: the facts lookup or the extractive answerer. */
  fallback: Answerer
  /** Deadline for the whole model call, retries included (`LLM_TIMEOUT_MS`). */
  timeoutMs: number
  extraPassages?: ExtraPassages | undefined
  /** Retrieved chunks offered to the model. */
  passages?: number
  /** A chunk with no lexical match counts as relevant from this cosine similarity up. */
  minVectorScore?: number
  maxRetries?: number
}

const done = (response: AskResponse): AnswerEvent => ({ type: 'done', response })

/**
 * Model-written answers with citations checked by code. The model sees numbered passages (retrieved
 * chunks, extra spans such as facts, and the fallback's own citations); every quote it cites is
 * verified against its passage and mapped to document offsets. Any failure yields the fallback
 * answer with a `fallbackReason`, within the deadline.
 */
export class LlmAnswerer implements StreamingAnswerer {
  readonly cancellable = true
  constructor(private readonly options: LlmAnswererOptions) {}

  /** The answerer used whenever the model can't answer. */
  get fallback(): Answerer {
    return this.options.fallback
  }

  async ask(input: AskInput, signal?: AbortSignal): Promise<AskResponse> {
    let response: AskResponse | undefined
    for await (const event of this.stream(input, signal)) if (event.type === 'done') response = event.response
    if (!response) throw signal?.reason ?? new Error('the answer stream ended without a response')
    return response
  }

  async *stream(input: AskInput, signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
    const { corpus, retriever, fallback, extraPassages } = this.options
    const [fallbackAnswer, retrieved, extra] = await Promise.all([
      fallback.ask(input, signal),
      retriever.search(input.question, this.options.passages ?? 5),
      extraPassages?.(input.question) ?? [],
      loadPartialJsonParser(),
    ])
    const relevant = retrieved.filter((p) => this.#relevant(p))
    const fallBack = (reason: FallbackReason) => done({ ...fallbackAnswer, fallbackReason: reason })
    if (!fallbackAnswer.grounded && relevant.length === 0 && extra.length === 0) return yield fallBack('no_relevant_passages')

    const spans = [...extra, ...fallbackAnswer.citations]
    const passages = numberPassages(corpus, relevant.length ? relevant : retrieved, spans)
    const assembler = new AnswerAssembler(corpus, passages)
    const deadline = Date.now() + this.options.timeoutMs
    const timer = new AbortController()
    const timeout = setTimeout(() => timer.abort(new DOMException('model call timed out', 'TimeoutError')), this.options.timeoutMs)
    const linked = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal
    let started = false
    let result
    try {
      const deltas = modelDeltas(this.options.chain, promptInput(input.question, passages, input.history), {
        signal: linked,
        deadline,
        maxRetries: this.options.maxRetries ?? 2,
        onStart: () => void (started = true),
      })
      for await (const delta of deltas) {
        const text = assembler.push(delta)
        if (text) yield { type: 'token', text }
      }
      const finished = assembler.finish()
      if (finished.released) yield { type: 'token', text: finished.released }
      result = finished.result
    } catch (error) {
      if (signal?.aborted) return
      return yield fallBack(fallbackReason(error, timer.signal.aborted, started))
    } finally {
      clearTimeout(timeout)
    }
    if (!result.answerable) return yield done({ ...notInSource(), source: 'llm' })
    yield done({ answer: result.answer, grounded: true, source: 'llm', citations: result.citations })
  }

  #relevant(p: Passage): boolean {
    return p.lexicalScore > 0 || p.vectorScore >= (this.options.minVectorScore ?? 0.3)
  }
}
