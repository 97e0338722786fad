import { isStopword, stem } from '../../core/text.js'
import { joinList, nameOf, type Segment } from '../phrasing.js'
import { asksWhichOrganization, type EngineResult, type Lookup } from './context.js'

/** Verbs of a person in charge: "who heads / leads / runs …" asks for someone the facts don't name. */
const LEADS = new Set(['heads', 'head', 'leads', 'lead', 'led', 'runs', 'run', 'directs', 'manages', 'chairs', 'governs', 'oversees', 'supervises', 'charge'])

/** Words for a person: "which official …", "what spokesperson …". */
const PERSONS = new Set(['official', 'officials', 'person', 'people', 'minister', 'director', 'spokesperson', 'spokesman', 'spokeswoman', 'governor', 'mayor', 'leader', 'head', 'secretary', 'chief', 'boss', 'ceo', 'chairman', 'chairwoman', 'president'])

/** Kinds of public body: "Was it issued by the National Development and Reform Commission?" names another one. */
const BODIES = new Set(['commission', 'ministry', 'council', 'bureau', 'committee', 'administration', 'authority', 'ndrc', 'government'])

/** "Who released the blueprints?": the organization the facts name as the source. */
export function who({ graph, cues, u }: Lookup): EngineResult | undefined {
  // "What is the broader goal the department gives for …?" asks for the goal; the department only says whose it is.
  if (u.relations.has('goal') && u.intent !== 'who') return undefined
  // "In which month did the department release them?" asks when, not who.
  if (u.intent === 'when') return undefined
  // "Which official at the department announced …?", "Who is the official that announced …?": a person the facts don't name.
  if (u.words.some((w, i) => PERSONS.has(w) && (['which', 'what'].includes(u.words[i - 1] ?? '') || (u.intent === 'who' && w !== 'person' && w !== 'people')))) return { kind: 'refuse', reason: 'person' }
  // A cue inside the organization's own name ("… of the Shanxi Department of …") asks about the department, not for it.
  const cued = hasPublisherPhrase(cues, u) || u.words.some((w, i) => cues.publisherCues.has(stem(w)) && !u.mentions.some((m) => m.from <= i && i < m.to))
  const whichOrganization = asksWhichOrganization(u)
  // "The blueprints came from the … Reform Commission, right?": a public body named as the source.
  const aboutBlueprints = u.mentions.every((m) => m.entities.some((e) => ['blueprint', 'province', 'organization'].includes(e.type)))
  const body = namesBody(u)
  const askedSource = aboutBlueprints && body && (u.intent === 'yesno' || cued)
  // "Source of the plan?", "the author of the blueprints": the noun for a source asks who, without "who".
  // ("source?" alone asks the same.)
  const bare = u.words.length > 0 && u.words.length <= 3 && u.words.some((w) => SOURCE_NOUNS.has(w)) && u.words.every((w) => SOURCE_NOUNS.has(w) || isStopword(w))
  const sourceNoun = aboutBlueprints && (bare || u.words.some((w, i) => SOURCE_NOUNS.has(w) && ['of', 'for', 'behind'].includes(u.words[i + 1] ?? '')))
  if (u.intent !== 'who' && u.targetType !== 'organization' && !whichOrganization && !askedSource && !sourceNoun) return undefined
  const facts = graph.facts.filter((f) => graph.objectsOf(f).some((o) => o.type === 'organization'))
  if (!facts.length) return undefined
  const named = u.mentions.some((m) => m.entities.some((e) => e.type === 'organization'))
  // "Who heads the Shanxi Department of …?" asks for a person of the publisher: the facts name none.
  if (u.intent === 'who' && !cued && named) return { kind: 'refuse', reason: 'person' }
  // ("Which department is in charge of the blueprints?" asks for a body, which the facts name.)
  const asksBody = u.words.some((w, i) => (w === 'which' || w === 'what') && ['department', 'organization', 'agency', 'body'].includes(u.words[i + 1] ?? ''))
  if (u.intent === 'who' && !asksBody && u.words.some((w) => LEADS.has(w))) return { kind: 'refuse', reason: 'person' }
  // "Was this plan issued by the State Council?", "What did the National Development and Reform Commission say …?": another body than the one the facts name.
  if (cued && !named && body) {
    // "According to the Shanxi Department of Commerce, which industries will go high-end …?": the body named before a question
    // that asks something else is corrected in front of that question's own answer.
    const asks = u.words.findIndex((w) => ['which', 'what', 'how', 'where', 'when'].includes(w))
    const bodyAt = u.words.findIndex((w) => BODIES.has(w) || w === 'department')
    if (u.intent !== 'yesno' && u.intent !== 'who' && !sourceNoun && bodyAt >= 0 && asks > bodyAt) return undefined
    const said = (f: (typeof facts)[number]) => (u.intent === 'yesno' ? `No. ${sourceOf(graph, f)}.` : `${sourceOf(graph, f)}, not the body the question names.`)
    return { kind: 'answer', segments: facts.map((f) => ({ text: said(f), facts: [f] })), anchored: true }
  }
  return {
    kind: 'answer',
    segments: facts.map((f) => ({ text: `${sourceOf(graph, f)}.`, facts: [f] })),
    // "Who wrote the play Hamlet?" has the cue but asks about something else: the cue counts when the blueprints are named.
    anchored: cued && u.mentions.some((m) => m.entities.some((e) => e.type === 'blueprint')),
  }
}

/**
 * "When the Shanxi Development and Reform Commission announced the blueprints, what threshold …?":
 * another public body named as the source, corrected whatever else is asked.
 */
export function publisherCorrection({ graph, cues, u }: Lookup): Segment | undefined {
  if (u.mentions.some((m) => m.entities.some((e) => e.type === 'organization')) || !namesBody(u)) return undefined
  const cued = hasPublisherPhrase(cues, u) || u.words.some((w) => cues.publisherCues.has(stem(w)) || SOURCE_VERBS.has(w))
  const fact = cued ? graph.facts.find((f) => f.relation === 'published-by' && graph.objectsOf(f).some((o) => o.type === 'organization')) : undefined
  return fact && { text: `${sourceOf(graph, fact)}, not the body the question names.`, facts: [fact] }
}

/** True when the question uses one of the lexicon's multi-word phrases for publishing ("came from"). */
const hasPublisherPhrase = (cues: Lookup['cues'], u: Lookup['u']) => {
  const text = ` ${u.words.join(' ')} `
  return cues.publisherPhrases.some((p) => text.includes(` ${p} `))
}

/** Nouns for where the blueprints come from. */
const SOURCE_NOUNS = new Set(['source', 'author', 'authors', 'publisher', 'issuer', 'origin'])

/** Verbs that make a body the source of the blueprints. */
const SOURCE_VERBS = new Set(['issue', 'issued', 'issues', 'announce', 'announced', 'announces', 'release', 'released', 'releases', 'publish', 'published', 'publishes'])

/** True when the question names a public body by its kind: a commission, a ministry, or a "department of" outside the organization's own name. */
function namesBody(u: Lookup['u']): boolean {
  return u.words.some((w, i) => BODIES.has(w) || (w === 'department' && u.words[i + 1] === 'of' && !u.mentions.some((m) => m.from <= i && i < m.to)))
}

const sourceOf = (graph: Lookup['graph'], f: Lookup['graph']['facts'][number]) =>
  `According to the article, the blueprints come from the ${joinList(graph.objectsOf(f).map((o) => o.name))}`

/** "What's the full name of the stainless steel park in Taiyuan?": the name the article gives the one thing named. */
export function fullName({ graph, u, specific, language }: Lookup): EngineResult | undefined {
  const named = [...new Map(specific.flat().map((e) => [e.key, e])).values()]
  if (u.intent !== 'what' || !u.words.some((w, i) => w === 'name' && u.words[i + 1] === 'of') || u.targetType || named.length !== 1) return undefined
  const entity = named[0]!
  const fact = [...graph.about(entity), ...graph.pointingAt(entity)].find((f) => f.evidence.some((e) => e.includes(entity.name)))
  return fact && { kind: 'answer', segments: [{ text: `The article calls it the ${nameOf(entity, language)}.`, facts: [fact] }], anchored: true }
}

/** "What is the goal?", "Why …?": the stated goal. */
export function goal({ graph, u, specific }: Lookup): EngineResult | undefined {
  // "What do the blueprints target?": a target of the plan as a whole, no figure named, is its goal.
  // (Not for another year: "What were the blueprint targets for 2021?" is left to the year's own check.)
  const statesYear = (year: string) => graph.facts.some((f) => f.unit === 'year' && String(f.value) === year)
  const target = u.intent === 'what' && !u.measures.length && u.words.some((w) => TARGETS.has(w)) && !u.words.some((w) => /^(?:19|20)\d\d$/.test(w) && !statesYear(w))
  if ((u.intent !== 'why' && !u.relations.has('goal') && !target) || specific.length) return undefined
  const goals = graph.facts.filter((f) => f.relation === 'goal')
  if (!goals.length) return undefined
  return { kind: 'answer', segments: goals.map((f) => ({ text: `The goal is ${String(f.value)}.`, facts: [f] })), anchored: u.relations.has('goal') }
}

/** Words for what a plan sets out to reach. */
const TARGETS = new Set(['target', 'targets', 'targeted', 'targeting'])
