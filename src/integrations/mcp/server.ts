import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { clampK } from '../../core/retriever.js'
import { documentView } from '../../http/routes/documents.js'
import { searchResults } from '../../http/routes/search.js'
import type { Services } from '../../services.js'
import { withSources } from '../sources.js'
import { lookupFacts } from './facts-lookup.js'
import {
  AskInputShape,
  AskOutputShape,
  DocumentInputShape,
  DocumentOutputShape,
  FactsInputShape,
  FactsOutputShape,
  SearchInputShape,
  SearchOutputShape,
} from './schemas.js'

export interface McpOptions {
  /** Base of the document links in answers' Sources lists; without it the list names titles only. */
  baseUrl?: string | undefined
  version?: string
}

/** A result with structured content and its text form: readable for answers, JSON for data. */
const result = (structured: Record<string, unknown>, text = JSON.stringify(structured)): CallToolResult => ({
  content: [{ type: 'text', text }],
  structuredContent: structured,
})

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false }

/**
 * The MCP server over the same services as the HTTP API: `ask_blueprint`, `search_passages`,
 * `lookup_facts` and `get_document`. Connect it to any transport (stdio, streamable HTTP).
 *
 * @example
 * const server = createMcpServer(services)
 * await server.connect(new StdioServerTransport())
 */
export function createMcpServer(services: Services, options: McpOptions = {}): McpServer {
  const server = new McpServer({ name: 'blueprint-qa', version: options.version ?? '0.1.0' })
  const { answerer, retriever, corpus, knowledge } = services

  server.registerTool(
    'ask_blueprint',
    {
      title: 'Ask the blueprint',
      description:
        'Answers a question about the policy documents (the Shanxi 2020 industrial development blueprints) with verbatim citations. ' +
        'grounded=false means the documents do not say; do not answer from general knowledge then.',
      inputSchema: AskInputShape,
      outputSchema: AskOutputShape,
      annotations: READ_ONLY,
    },
    async ({ question, history }, extra) => {
      const response = await answerer.ask({ question, history }, extra.signal)
      return result({ ...response }, withSources(response, options.baseUrl))
    },
  )

  server.registerTool(
    'search_passages',
    {
      title: 'Search passages',
      description: 'Ranked passages of the documents for a query (hybrid vector + BM25 retrieval), with exact offsets.',
      inputSchema: SearchInputShape,
      outputSchema: SearchOutputShape,
      annotations: READ_ONLY,
    },
    async ({ query, k }) => result({ query, results: searchResults(await retriever.search(query, clampK(k))) }),
  )

  server.registerTool(
    'lookup_facts',
    {
      title: 'Look up facts',
      description:
        'Structured facts from the documents: entities (cities, industries, clusters, parks …) by name, alias or Chinese name, ' +
        'the facts about them, filtered by relation or entity type, each with verbatim evidence and offsets. ' +
        'Call it with no arguments to list the relations and types.',
      inputSchema: FactsInputShape,
      outputSchema: FactsOutputShape,
      annotations: READ_ONLY,
    },
    async (query) => result(lookupFacts(knowledge, query)),
  )

  server.registerTool(
    'get_document',
    {
      title: 'Get a document',
      description: `The full text and metadata of a document. Ids: ${corpus.documents.map((d) => d.id).join(', ')}.`,
      inputSchema: DocumentInputShape,
      outputSchema: DocumentOutputShape,
      annotations: READ_ONLY,
    },
    async ({ id }) => {
      const doc = corpus.document(id)
      if (!doc) return { content: [{ type: 'text', text: `No document with id "${id}"` }], isError: true }
      return result(documentView(doc))
    },
  )

  return server
}
