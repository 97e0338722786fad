import { Hono } from 'hono'
import { signalFor } from '../../answer/answerer.js'
import type { Services } from '../../services.js'
import { requestSignal } from '../context.js'
import { AskRequestSchema } from '../schemas.js'
import { requireJson, validate } from '../validate.js'

export function askRoutes(services: Services) {
  return new Hono().post('/ask', requireJson, validate('json', AskRequestSchema), async (c) => {
    const { question, history } = c.req.valid('json')
    return c.json(await services.answerer.ask({ question, history }, signalFor(services.answerer, () => requestSignal(c))))
  })
}
