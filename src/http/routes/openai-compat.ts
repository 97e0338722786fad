import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { streamSSE } from 'hono/streaming'
import { signalFor, type AskInput } from '../../answer/answerer.js'
import { chatCompletion, modelList, newCompletion, usageOf } from '../../integrations/openai-compat/completion.js'
import { OpenAiError, onOpenAiError, openAiErrorResponse } from '../../integrations/openai-compat/errors.js'
import { ChatRequestSchema, MODEL_ID, toAskInput } from '../../integrations/openai-compat/request.js'
import { answerEvents, completionChunks } from '../../integrations/openai-compat/stream.js'
import { withSources } from '../../integrations/sources.js'
import type { Services } from '../../services.js'
import { requestLog, requestSignal } from '../context.js'
import { requireJson, describeIssues } from '../validate.js'

/** Chat clients send the whole conversation, so `/v1` takes larger bodies than the rest of the API. */
export const MAX_CHAT_BODY_BYTES = 256 * 1024

const promptOf = ({ question, history }: AskInput) => [...(history ?? []).map((t) => t.content), question].join('\n')

const validChat = zValidator('json', ChatRequestSchema, (result) => {
  if (!result.success) throw new OpenAiError(400, describeIssues(result.error), null, result.error.issues[0]?.path.join('.') || null)
})

/**
 * The OpenAI-compatible API: `GET /v1/models` (one model, `blueprint-qa`) and
 * `POST /v1/chat/completions`, plain or streamed (`stream: true`: `chat.completion.chunk` events,
 * then `data: [DONE]`). Answers keep their `[n]` markers and end with a Sources list; the
 * non-standard `citations`, `grounded` and `source` fields carry the `/ask` contract. Every error
 * is in OpenAI's shape (see `openAiErrorShape` for those raised before these routes).
 */
export function openAiRoutes(services: Services, logError: (error: unknown) => void = () => {}) {
  const created = Math.floor(Date.now() / 1000)
  const app = new Hono()
  app.onError(
    onOpenAiError((error, c) => {
      requestLog(c).error({ err: error }, 'unhandled error')
      logError(error)
    }),
  )
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_CHAT_BODY_BYTES,
      onError: (c) => {
        // The client may still be sending the rest of the body: this connection must not be reused.
        c.header('Connection', 'close')
        return openAiErrorResponse(c, new OpenAiError(413, `Request body exceeds ${MAX_CHAT_BODY_BYTES} bytes`, 'request_too_large'))
      },
    }),
  )
  app.get('/v1/models', (c) => c.json(modelList(created)))
  app.get('/v1/models/:id', (c) => {
    const model = modelList(created).data.find((m) => m.id === c.req.param('id'))
    if (!model) throw new OpenAiError(404, `The model '${c.req.param('id')}' does not exist`, 'model_not_found', 'model')
    return c.json(model)
  })
  app.post('/v1/chat/completions', requireJson, validChat, async (c) => {
    const body = c.req.valid('json')
    if (body.model !== MODEL_ID) throw new OpenAiError(404, `The model '${body.model}' does not exist; use '${MODEL_ID}'`, 'model_not_found', 'model')
    const input = toAskInput(body.messages)
    const baseUrl = services.config.publicBaseUrl ?? new URL(c.req.url).origin
    const meta = newCompletion()
    if (!body.stream) {
      const response = await services.answerer.ask(input, signalFor(services.answerer, () => requestSignal(c)))
      const content = withSources(response, baseUrl)
      return c.json(chatCompletion(meta, content, response, usageOf(promptOf(input), content)))
    }
    const abort = new AbortController()
    requestSignal(c).addEventListener('abort', () => abort.abort(), { once: true })
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => abort.abort())
      const options = { meta, baseUrl, includeUsage: Boolean(body.stream_options?.include_usage), prompt: promptOf(input) }
      try {
        for await (const chunk of completionChunks(answerEvents(services.answerer, input, abort.signal), options)) {
          if (abort.signal.aborted) return
          await stream.writeSSE({ data: JSON.stringify(chunk) })
        }
        await stream.writeSSE({ data: '[DONE]' })
      } catch (error) {
        if (abort.signal.aborted) return
        requestLog(c).error({ err: error }, 'chat completion stream failed')
        logError(error)
        await stream.writeSSE({ data: JSON.stringify(new OpenAiError(500, 'The answer could not be completed.', 'internal_error').body()) })
      }
    })
  })
  app.all('/v1/*', (c) => {
    throw new OpenAiError(404, `Invalid URL (${c.req.method} ${c.req.path})`, 'unknown_url')
  })
  return app
}
