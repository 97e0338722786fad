/** What retrieval needs from an embedder: LangChain's `embedQuery`, plus identity for the manifest. */
export interface QueryEmbedder {
  readonly id: string
  readonly dimensions: number
  embedQuery(text: string): Promise<number[]>
}

export class EmbedderMismatchError extends Error {
  override name = 'EmbedderMismatchError'
}

/** The manifest id of an OpenAI embedding model. */
export const openAIEmbedderId = (model: string) => `openai:${model}`
