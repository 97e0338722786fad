import type { AIMessageChunk } from '@langchain/core/messages'
import type { Runnable } from '@langchain/core/runnables'
import { retryDelay } from './errors.js'
import type { PromptInput } from './prompt.js'

/** What generation needs of the chain: LangChain's `stream`. */
export type AnswerChain = Pick<Runnable<PromptInput, AIMessageChunk>, 'stream'>

export interface DeltaOptions {
  signal: AbortSignal
  /** Epoch ms after which no retry is started. */
  deadline: number
  maxRetries: number
  /** Called once the first chunk of a response arrived; from then on nothing is retried. */
  onStart?: () => void
}

const textOf = (chunk: AIMessageChunk): string =>
  typeof chunk.content === 'string' ? chunk.content : chunk.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('')

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms)
    function done() {
      signal.removeEventListener('abort', abort)
      resolve()
    }
    function abort() {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', abort, { once: true })
  })

/**
 * Streams the model's text deltas. Failures before the first chunk (429, 5xx, connection errors)
 * are retried at most `maxRetries` times, honouring `Retry-After`, and only while the wait still
 * fits before the deadline.
 */
export async function* modelDeltas(chain: AnswerChain, input: PromptInput, options: DeltaOptions): AsyncGenerator<string> {
  for (let attempt = 0; ; attempt++) {
    let iterator: AsyncIterator<AIMessageChunk>
    let first: IteratorResult<AIMessageChunk>
    try {
      iterator = (await chain.stream(input, { signal: options.signal }))[Symbol.asyncIterator]()
      first = await iterator.next()
    } catch (error) {
      const wait = retryDelay(error, attempt)
      if (options.signal.aborted || wait === undefined || attempt >= options.maxRetries || Date.now() + wait >= options.deadline) throw error
      await sleep(wait, options.signal)
      continue
    }
    options.onStart?.()
    for (let next = first; !next.done; next = await iterator.next()) {
      const text = textOf(next.value)
      if (text) yield text
    }
    return
  }
}
