import * as z from 'zod'

export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Metadata that sits beside each document as `<id>.meta.json`. */
export const DocumentMetadataSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty'),
  source: z.string().trim().min(1, 'source must not be empty'),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'language must be a BCP 47 tag such as "en"'),
  url: z.url().optional(),
})

export const DocumentTextSchema = z
  .string()
  .refine((text) => text.trim().length > 0, 'document text is empty')
  .refine((text) => !text.includes('\uFFFD'), 'document text is not valid UTF-8')
