import * as z from 'zod'
import { DOCUMENT_ID } from '../core/document-schema.js'
import type { Span } from '../core/types.js'

const Id = z.string().regex(DOCUMENT_ID, 'ids are kebab-case')
const Evidence = z.union([z.string().min(3), z.array(z.string().min(3)).min(1)])

export const EntitySchema = z.strictObject({
  id: Id,
  /** Free-form type name (city, industry, cluster …); the alias lexicon says which words ask for it. */
  type: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
})

/**
 * One statement about an entity, with the verbatim quote(s) that support it.
 * `object` links to other entities; `value` holds a literal (a figure, a plan, a total).
 */
export const FactSchema = z
  .strictObject({
    id: Id,
    subject: Id,
    relation: Id,
    object: z.union([Id, z.array(Id).min(1)]).optional(),
    value: z.union([z.string().min(1), z.number()]).optional(),
    unit: z.string().optional(),
    /** How to say the value in an answer, when it differs from `value`. */
    text: z.string().optional(),
    /** Words that ask for this figure ("output", "dollars"). */
    measure: z.array(z.string()).optional(),
    /** The figure holds for each of the things another figure (its id) counts: 100 billion yuan for each of the 14 industries. */
    per: Id.optional(),
    /** The same amount as another figure (its id), in another unit: 100 billion yuan given as $14.12 billion. */
    sameAs: Id.optional(),
    evidence: Evidence,
  })
  .refine((f) => f.object !== undefined || f.value !== undefined, 'a fact needs an object or a value')

export const FactsFileSchema = z.strictObject({
  entities: z.array(EntitySchema).min(1),
  facts: z.array(FactSchema).min(1),
})

export type Entity = z.output<typeof EntitySchema>
export type Fact = z.output<typeof FactSchema>
export type FactsFile = z.output<typeof FactsFileSchema>

/** A fact whose evidence quotes were found in the document: `spans[i]` is where `evidence[i]` stands. */
export interface ResolvedFact extends Omit<Fact, 'object' | 'evidence'> {
  documentId: string
  objects: string[]
  evidence: string[]
  spans: Span[]
}

export interface ResolvedFacts {
  documentId: string
  entities: Entity[]
  facts: ResolvedFact[]
}
