import type { AskResponse, HistoryTurn } from '../core/types.js'

export interface AskInput {
  question: string
  history?: HistoryTurn[] | undefined
}

/** Anything that turns a question into a cited answer: extractive, facts lookup, or a model. */
export interface Answerer {
  ask(input: AskInput, signal?: AbortSignal): Promise<AskResponse>
  /** True when `ask` waits on something a signal can cancel (a model call); the offline answerers never do. */
  readonly cancellable?: boolean
}

/** The request's signal for answerers that can use it; none for those that cannot, so none is made. */
export const signalFor = (answerer: Answerer, signal: () => AbortSignal): AbortSignal | undefined =>
  answerer.cancellable ? signal() : undefined

/** What a streaming answerer emits: text deltas, then exactly one `done` with the full response. */
export type AnswerEvent = { type: 'token'; text: string } | { type: 'done'; response: AskResponse }

/** An answerer that can also stream its answer as it is written. */
export interface StreamingAnswerer extends Answerer {
  stream(input: AskInput, signal?: AbortSignal): AsyncIterable<AnswerEvent>
}

export const canStream = (answerer: Answerer): answerer is StreamingAnswerer =>
  typeof (answerer as Partial<StreamingAnswerer>).stream === 'function'
