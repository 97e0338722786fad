import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler, ValidationTargets } from 'hono'
import type * as z from 'zod'
import { noteQuestion } from './context.js'
import { ApiError } from './errors.js'

/** Formats zod issues as one readable line: `question: Too small; history: Too big`. */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')
}

/** Rejects requests whose body is not declared as JSON with 415. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json')
  }
  await next()
}

/**
 * zValidator whose failures become the 400 error envelope. A validated `question` (or `q`) is
 * noted for the access log, which prints it only with `LOG_QUESTIONS=true`.
 */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) throw new ApiError(400, 'invalid_request', describeIssues(result.error))
    const data = result.data as { question?: unknown; q?: unknown }
    const question = typeof data?.question === 'string' ? data.question : data?.q
    if (typeof question === 'string') noteQuestion(c, question)
  })
