import type { Config } from '../config.js'
import type { AnswerChain } from './generate.js'

/**
 * The answer chain, built on first use: `@langchain/openai` is only imported once a question
 * reaches the model, so the embedded mode and start-up never pay for it.
 */
export function lazyAnswerChain(config: Config): AnswerChain {
  let chain: Promise<AnswerChain> | undefined
  const load = () => (chain ??= import('./model.js').then(({ createAnswerChain, createChatModel }) => createAnswerChain(createChatModel(config))))
  return { stream: async (input, options) => (await load()).stream(input, options) }
}
