import * as z from 'zod'
import { MAX_K } from '../../core/retriever.js'
import { AskRequestSchema } from '../../http/schemas.js'

export const CitationSchema = z.object({
  id: z.number().int().describe('The n of the [n] markers in the answer'),
  documentId: z.string(),
  title: z.string(),
  quote: z.string().describe('Verbatim text: document.text.slice(start, end)'),
  start: z.number().int(),
  end: z.number().int(),
})

export const AskInputShape = {
  question: AskRequestSchema.shape.question.describe('The question, in plain language (English or Chinese)'),
  history: AskRequestSchema.shape.history.describe('Earlier turns of the conversation, oldest first, for follow-up questions'),
}

export const AskOutputShape = {
  answer: z.string().describe('The answer; every [n] names a citation id'),
  grounded: z.boolean().describe('false when the documents do not answer the question'),
  source: z.enum(['structured', 'extractive', 'llm']),
  citations: z.array(CitationSchema),
  fallbackReason: z.string().optional(),
}

export const SearchInputShape = {
  query: z.string().trim().min(1, 'query must not be empty').max(2000).describe('What to look for'),
  k: z.number().int().min(1).max(MAX_K).optional().describe(`How many passages (1–${MAX_K}, default 5)`),
}

export const SearchOutputShape = {
  query: z.string(),
  results: z.array(
    z.object({
      rank: z.number().int(),
      chunkId: z.number().int(),
      documentId: z.string(),
      title: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      score: z.number(),
      lexicalScore: z.number(),
      vectorScore: z.number(),
    }),
  ),
}

export const FactsInputShape = {
  entity: z.string().max(500).optional().describe('An entity name, alias or id, or text naming entities, e.g. "Xinzhou", "忻州", "kaolin cluster"'),
  relation: z.string().max(100).optional().describe('Only facts with this relation, e.g. "located-in", "plan", "member-of"'),
  type: z.string().max(100).optional().describe('Only entities of this type, e.g. "city", "cluster", "industry"; alone: every entity of the type'),
  limit: z.number().int().min(1).max(200).optional().describe('At most this many facts (default 50)'),
}

const EntityRef = z.object({ id: z.string(), type: z.string(), name: z.string() })

export const FactsOutputShape = {
  entities: z.array(EntityRef.extend({ documentId: z.string(), aliases: z.array(z.string()) })),
  facts: z.array(
    z.object({
      id: z.string(),
      documentId: z.string(),
      subject: EntityRef,
      relation: z.string(),
      objects: z.array(EntityRef),
      value: z.union([z.string(), z.number()]).optional(),
      unit: z.string().optional(),
      text: z.string().optional(),
      evidence: z.array(z.object({ quote: z.string(), start: z.number().int(), end: z.number().int() })),
    }),
  ),
  truncated: z.boolean(),
  relations: z.array(z.string()).describe('Every relation there is to filter by'),
  types: z.array(z.string()).describe('Every entity type there is to filter by'),
}

export const DocumentInputShape = {
  id: z.string().min(1).max(200).describe('A document id, as in citations[].documentId'),
}

export const DocumentOutputShape = {
  id: z.string(),
  title: z.string(),
  text: z.string(),
  metadata: z.object({ title: z.string(), source: z.string(), date: z.string(), language: z.string(), url: z.string().optional() }),
}
