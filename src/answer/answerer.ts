import type { AskResponse, HistoryTurn } from '../core/types.js'

export interface AskInput {
  question: string
  history?: HistoryTurn[] | undefined
}

/** Anything that turns a question into a cited answer: extractive, facts lookup, or a model. */
export interface Answerer {
  ask(input: AskInput, signal?: AbortSignal): Promise<AskResponse>
}

/** What a streaming answerer emits: text deltas, then exactly one `done` with the full response. */
export type AnswerEvent = { type: 'token'; text: string } | { type: 'done'; response: AskResponse }

/** An answerer that can also stream its answer as it is written. */
export interface StreamingAnswerer extends Answerer {
  stream(input: AskInput, signal?: AbortSignal): AsyncIterable<AnswerEvent>
}

export const canStream = (answerer: Answerer): answerer is StreamingAnswerer =>
  typeof (answerer as Partial<StreamingAnswerer>).stream === 'function'
