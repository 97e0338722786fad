import { SystemMessage } from '@langchain/core/messages'
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts'
import { ChatOpenAI } from '@langchain/openai'
import type { Config } from '../config.js'
import { SYSTEM_PROMPT, USER_TEMPLATE } from './prompt.js'
import { RESPONSE_FORMAT } from './schema.js'

/** System rules (a message, so never templated), then the conversation so far, then the passages and the question as JSON data. */
const answerPrompt = ChatPromptTemplate.fromMessages([new SystemMessage(SYSTEM_PROMPT), new MessagesPlaceholder('history'), ['human', USER_TEMPLATE]])

/** Reasoning models reject a temperature other than the default. */
const fixedTemperature = (model: string) => /^(o\d|gpt-5)/.test(model)

/**
 * The chat model, built once from config: any OpenAI-compatible endpoint (`OPENAI_BASE_URL`).
 * Retries are done by the answerer (deadline-aware, honouring `Retry-After`), so the client's are off.
 *
 * @example createChatModel(parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' }))
 */
export function createChatModel(config: Config): ChatOpenAI {
  const { apiKey, baseURL, model, timeoutMs } = config.openai
  return new ChatOpenAI({
    apiKey: apiKey ?? 'not-needed',
    model,
    ...(fixedTemperature(model) ? {} : { temperature: 0 }),
    timeout: timeoutMs,
    maxRetries: 0,
    streamUsage: false,
    configuration: baseURL ? { baseURL } : {},
  })
}

/** prompt → model with the cited-answer JSON schema as `response_format`. */
export function createAnswerChain(model: ChatOpenAI) {
  return answerPrompt.pipe(model.withConfig({ response_format: RESPONSE_FORMAT }))
}
