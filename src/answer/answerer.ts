import type { AskResponse, HistoryTurn } from '../core/types.js'

export interface AskInput {
  question: string
  history?: HistoryTurn[] | undefined
}

/** Anything that turns a question into a cited answer: extractive, facts lookup, or a model. */
export interface Answerer {
  ask(input: AskInput, signal?: AbortSignal): Promise<AskResponse>
}
