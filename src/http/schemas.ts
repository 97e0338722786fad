import * as z from 'zod'

export const HistoryTurnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(4000),
})

export const AskRequestSchema = z.object({
  question: z.string().trim().min(1, 'question must not be empty').max(2000, 'question must be at most 2000 characters'),
  history: z.array(HistoryTurnSchema).max(20, 'history may hold at most 20 turns').optional(),
})

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(2000, 'q must be at most 2000 characters'),
  k: z.coerce.number({ message: 'k must be a number' }).finite().optional(),
})
