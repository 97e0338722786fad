import * as z from 'zod'
import { HistoryTurnSchema } from '../http/schemas.js'

export const GoldItemSchema = z.strictObject({
  id: z.string(),
  category: z.string(),
  question: z.string().min(1),
  history: z.array(HistoryTurnSchema).optional(),
  expect: z.strictObject({
    grounded: z.boolean(),
    /** Every string must appear in the answer (case-insensitive). */
    all: z.array(z.string()).optional(),
    /** At least one must appear. */
    any: z.array(z.string()).optional(),
    /** None may appear. */
    none: z.array(z.string()).optional(),
    /** Each evidence string must lie inside one of the citations. */
    evidence: z.array(z.string()).optional(),
  }),
})

export const GoldSetSchema = z.array(GoldItemSchema).min(1)

export type GoldItem = z.output<typeof GoldItemSchema>
