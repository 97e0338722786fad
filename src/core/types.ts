/** A half-open character range `[start, end)` into a document's text. */
export interface Span {
  start: number
  end: number
}

export interface DocumentMetadata {
  title: string
  source: string
  date: string
  language: string
  url?: string | undefined
}

export interface CorpusDocument {
  id: string
  title: string
  text: string
  metadata: DocumentMetadata
  /** sha256 of the document text, hex. */
  hash: string
}

export interface Sentence extends Span {
  /** Position of the sentence in the whole corpus. */
  id: number
  documentId: string
  paragraph: number
}

export interface Chunk extends Span {
  id: number
  documentId: string
  /** Sentence ids covered by this chunk, `[sentenceStart, sentenceEnd)`. */
  sentenceStart: number
  sentenceEnd: number
}

export interface Citation extends Span {
  id: number
  documentId: string
  title: string
  quote: string
}

export type AnswerSource = 'structured' | 'extractive' | 'llm'

export interface HistoryTurn {
  role: 'user' | 'assistant'
  content: string
}

export interface AskResponse {
  answer: string
  grounded: boolean
  source: AnswerSource
  citations: Citation[]
  /** Why the model path was not used for this answer, when it was configured. */
  fallbackReason?: string
}

/** A FAQ entry made at ingest: a question derived from the fact graph and its cited answer. */
export interface FaqItem extends AskResponse {
  id: string
  question: string
}
