import { Hono } from 'hono'
import type { CorpusDocument } from '../../core/types.js'
import type { Services } from '../../services.js'
import { ApiError } from '../errors.js'

/** A document as `/documents/:id` returns it (without the content hash). */
export const documentView = ({ id, title, text, metadata }: CorpusDocument) => ({ id, title, text, metadata })

export function documentRoutes({ corpus, facts }: Services) {
  return new Hono()
    .get('/documents', (c) => c.json({ documents: corpus.documents.map(documentView) }))
    .get('/documents/:id', (c) => {
      const doc = corpus.document(c.req.param('id'))
      if (!doc) throw new ApiError(404, 'not_found', `No document with id "${c.req.param('id')}"`)
      return c.json(documentView(doc))
    })
    .get('/facts', (c) => c.json({ facts }))
}
