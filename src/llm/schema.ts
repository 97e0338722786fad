import * as z from 'zod'

/**
 * What the model must return. `citations` comes before `answer` so that, when the model writes
 * keys in schema order, every quote is known (and checked) before the answer text streams.
 */
export const ModelAnswerSchema = z.object({
  answerable: z.boolean().describe('false when the passages do not answer the question'),
  citations: z
    .array(
      z.object({
        passageId: z.number().describe('the number of the passage the quote is copied from'),
        quote: z.string().describe('an exact, contiguous excerpt copied character for character from that passage'),
      }),
    )
    .describe('the quotes that support the answer'),
  answer: z.string().describe('the answer, in the language of the question, each claim marked [n] with its passage number'),
})

export type ModelAnswer = z.output<typeof ModelAnswerSchema>
export type ModelCitation = ModelAnswer['citations'][number]

const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(ModelAnswerSchema) as Record<string, unknown>

/** The OpenAI `response_format` (Structured Outputs, strict JSON schema) sent with every call. */
export const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: { name: 'cited_answer', strict: true, schema: jsonSchema },
} as const
