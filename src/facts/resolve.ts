import type { FactsFile, ResolvedFacts } from './schema.js'

export class FactsError extends Error {
  override name = 'FactsError'
}

/**
 * Checks a facts file against its document and finds each evidence quote's offsets.
 * Throws, naming the fact, when a quote is not verbatim in the text, is ambiguous, or a
 * fact refers to an unknown entity.
 */
export function resolveFacts(documentId: string, text: string, file: FactsFile, where = `${documentId}.facts.json`): ResolvedFacts {
  const ids = new Set<string>()
  for (const e of file.entities) {
    if (ids.has(e.id)) throw new FactsError(`${where}: entity "${e.id}" is defined twice`)
    ids.add(e.id)
  }
  const factIds = new Set<string>()
  const facts = file.facts.map((fact) => {
    if (factIds.has(fact.id)) throw new FactsError(`${where}: fact "${fact.id}" is defined twice`)
    factIds.add(fact.id)
    const objects = fact.object === undefined ? [] : [fact.object].flat()
    for (const ref of [fact.subject, ...objects]) {
      if (!ids.has(ref)) throw new FactsError(`${where}: fact "${fact.id}" refers to unknown entity "${ref}"`)
    }
    const evidence = [fact.evidence].flat()
    const spans = evidence.map((quote) => {
      const start = text.indexOf(quote)
      if (start < 0) throw new FactsError(`${where}: evidence of fact "${fact.id}" is not verbatim in the document: "${quote}"`)
      if (text.indexOf(quote, start + 1) >= 0) {
        throw new FactsError(`${where}: evidence of fact "${fact.id}" occurs more than once; quote more of the sentence: "${quote}"`)
      }
      return { start, end: start + quote.length }
    })
    const { object: _object, evidence: _evidence, ...rest } = fact
    return { ...rest, documentId, objects, evidence, spans }
  })
  for (const fact of file.facts) {
    for (const ref of [fact.per, fact.sameAs]) {
      const target = ref === undefined ? undefined : file.facts.find((f) => f.id === ref)
      if (ref !== undefined && (typeof target?.value !== 'number' || typeof fact.value !== 'number')) {
        throw new FactsError(`${where}: fact "${fact.id}" relates its value to "${ref}", but both need a numeric value and "${ref}" must be a fact of this file`)
      }
    }
  }
  return { documentId, entities: file.entities, facts }
}
