import { isStopword, stem, words as wordsOf } from '../../core/text.js'
import { capitalize, countWord, joinList, nameOf, type Segment } from '../phrasing.js'
import type { GraphEntity } from '../graph.js'
import type { ResolvedFact } from '../schema.js'
import { linked } from '../traverse.js'
import { CONTEXT_TYPES, describe, MEMBERSHIP, picksByPlan, SETTING_ASIDE, type EngineResult, type Lookup } from './context.js'

/** "What will the coking industry do?": plan facts about the mentioned entities, or of the group they belong to. */
export function plans({ graph, u, language, specific: mentioned, planWord }: Lookup): EngineResult | undefined {
  // "steelmaking … how steel is made": one entity named twice is one subject.
  const specific = mentioned.filter((g, i) => mentioned.findIndex((h) => h[0] === g[0]) === i)
  if (!specific.length) return undefined
  // A quantity word asks for a figure, unless a word that asks for plans comes with it ("tackle too much coking capacity").
  if (u.measures.length && !((u.intent === 'what' || u.intent === 'quantity') && planWord)) return undefined
  const cued = u.relations.has('plan')
  if (!cued && u.intent !== 'what') return undefined
  const segments: Segment[] = []
  // "Sectors like coking and steel": two or more members of one group first get that group's own plans.
  const memberships = specific.map((g) => graph.about(g[0]!).find((f) => f.relation === 'member-of'))
  const first = memberships.find((m) => m !== undefined)
  const group = first && graph.objectsOf(first)[0]
  // The group itself may be named too ("long-established sectors such as coking and steel").
  const memberGroups = specific.filter((g) => g[0] !== group)
  if (group && memberGroups.length > 1 && specific.every((g, i) => g[0] === group || memberships[i]?.objects[0] === group.id)) {
    const shared = graph.about(group).filter((f) => f.relation === 'plan')
    if (shared.length) {
      const members = joinList(memberGroups.map((g) => nameOf(g[0]!, language)))
      segments.push({ text: `The ${group.name}, which include ${members}, will:`, facts: memberships.filter((m) => m !== undefined) })
      for (const p of shared) segments.push({ text: `${String(p.value)};`, facts: [p] })
    }
  }
  // A group's plans stand for its members only when the question asks about plans.
  const parentOf = (entity: GraphEntity) => {
    const fact = !cued || graph.about(entity).some((f) => f.relation === 'plan') ? undefined : graph.about(entity).find((f) => MEMBERSHIP.has(f.relation) && f.objects.length)
    return fact && { fact, parent: graph.objectsOf(fact)[0]! }
  }
  for (const group of specific) {
    const entity = group[0]!
    const own = graph.about(entity).filter((f) => f.relation === 'plan')
    const { fact: parentFact, parent } = parentOf(entity) ?? {}
    const stated = own.length ? own : parent ? graph.about(parent).filter((f) => f.relation === 'plan') : []
    // "The non-ferrous metals sector … its aluminum clusters": the group's plans, once.
    if (!stated.length || stated.every((p) => segments.some((s) => s.facts.includes(p)))) continue
    // "What will liquor, vinegar and textiles focus on?": the things named that share the group, in one lead.
    const sharing = parent ? specific.map((g) => g[0]!).filter((e) => parentOf(e)?.parent === parent && parentOf(e)?.fact.relation === parentFact!.relation) : [entity]
    const subject = sharing.length > 1 ? joinList(sharing.map((e) => nameOf(e, language))) : describe(entity)
    // "The textiles are", "the modern logistics industry is", "the glass is".
    const verb = sharing.length > 1 || /[^s]s$/.test(describe(entity)) ? 'are' : 'is'
    const belongs = parent && (parentFact!.relation === 'member-of' ? `${verb} one of the ${parent.name}` : `${verb} part of ${describe(parent)}`)
    const lead = belongs ? `${capitalize(subject)} ${belongs}, which will:` : `${capitalize(subject)} will:`
    segments.push({ text: lead, facts: parentFact ? [parentFact] : [] })
    for (const p of stated) segments.push({ text: `${String(p.value)};`, facts: [p] })
  }
  if (!segments.length) return undefined
  // "How many measures does the plan list for coking?": the number first, then the measures.
  if (u.intent === 'count') {
    const stated = segments.flatMap((s) => s.facts).filter((f) => f.relation === 'plan')
    segments.unshift({ text: `The article lists ${countWord(stated.length)} ${stated.length === 1 ? 'measure' : 'measures'}.`, facts: [] })
  }
  // "Does the plan say Shanxi will promote … a national green coking industry base?": the plan the question states.
  if (u.intent === 'yesno') {
    const asked = new Set(u.words.filter((w) => !isStopword(w)).map(stem))
    const stated = segments.flatMap((s) => s.facts).filter((f) => f.relation === 'plan' && typeof f.value === 'string')
    const said = stated.find((f) => {
      const own = wordsOf(String(f.value)).filter((w) => !isStopword(w)).map(stem)
      return own.length >= 2 && own.filter((w) => asked.has(w)).length >= own.length * 0.75
    })
    if (said) return { kind: 'answer', segments: [{ text: `Yes. ${capitalize(describe(graph.subjectOf(said)))} will ${String(said.value)}.`, facts: [said] }], anchored: true }
  }
  const last = segments.at(-1)!
  last.text = last.text.replace(/;$/, '.')
  // Anchored by a word that asks for plans; "will" or "do" alone only weakly ("What will the weather be like in Taiyuan tomorrow?").
  return { kind: 'answer', segments, anchored: planWord, weaklyAnchored: cued }
}

/**
 * "Which parts of the plan call for 'intelligent' development?": the plans that use the question's rarest word of the plans'
 * own, each with its subject ("The light industry will focus on brand building and intelligent development.").
 */
export function plansSaying({ graph, cues, u, language }: Lookup): EngineResult | undefined {
  const planFacts = graph.facts.filter((f) => f.relation === 'plan' && typeof f.value === 'string')
  const valueStems = (f: ResolvedFact) => new Set(wordsOf(String(f.value)).map(stem))
  const words = u.words.filter((w) => !isStopword(w) && !cues.generic.has(stem(w)) && !cues.typeWords.has(stem(w)) && !/^(?:parts?|sections?|plans?|article)$/.test(w))
  // (Of the words that several parts use: "growth" alone is one part's.)
  const subjects = (fs: ResolvedFact[]) => new Set(fs.map((f) => graph.subjectOf(f).key)).size
  const saying = words.map((w) => planFacts.filter((f) => valueStems(f).has(stem(w)))).filter((fs) => subjects(fs) >= 2)
  const rarest = saying.sort((a, b) => a.length - b.length)[0]
  if (!rarest) return undefined
  const segments = rarest.map((f) => ({ text: `${capitalize(describe(graph.subjectOf(f), language))} will ${String(f.value)}.`, facts: [f] }))
  return { kind: 'answer', segments, anchored: true }
}

/** "Which industry will resolve production overcapacity?": from a stated plan or goal back to its subject. */
export function reverse({ graph, cues, u, language, specific }: Lookup): EngineResult | undefined {
  // "Which of the traditional industries will focus on brand building?": among the things named, or a named group's members.
  const which = u.words.indexOf('which')
  const pickedByPlan = which >= 0 && (u.words[which + 1] === 'of' || picksByPlan(u, cues))
  const among = pickedByPlan && specific.length ? candidates(graph, specific.flat()) : undefined
  if (among ? false : specific.length || !u.targetType) return undefined
  const named = (i: number) => u.mentions.some((m) => i >= m.from && i < m.to)
  const content = new Set(u.words.filter((w, i) => !isStopword(w) && !(among && named(i))).map(stem).filter((w) => !cues.generic.has(w)))
  if (!content.size) return undefined
  let best: ResolvedFact[] = []
  let bestScore = 0
  for (const f of graph.facts) {
    // (The documents' goal is the goal lookup's: "how are those 14 split …" is not asking for it.)
    if (typeof f.value !== 'string' || f.relation === 'goal' || (among && !among.has(graph.subjectOf(f).key))) continue
    const present = stemsOf(f)
    const score = [...content].filter((w) => present.has(w)).length
    if (score > bestScore) [best, bestScore] = [[f], score]
    else if (score === bestScore && score > 0) best.push(f)
  }
  if (!(bestScore >= 2 && bestScore / content.size >= 0.6) && !distinctive(graph, cues, u, best)) return undefined
  const typed = best.filter((f) => graph.subjectOf(f).type === u.targetType || linked(graph, graph.subjectOf(f), u.targetType!, CONTEXT_TYPES).length)
  const segments = (typed.length ? typed : best).map((f) => {
    const subject = graph.subjectOf(f)
    const members = graph.pointingAt(subject).filter((m) => m.relation === 'member-of')
    const listed = members.length ? ` (${joinList(members.map((m) => nameOf(graph.subjectOf(m), language)))})` : ''
    return { text: `${capitalize(describe(subject, language))}${listed}${f.relation === 'plan' ? ' will' : ':'} ${String(f.value)}.`, facts: [f, ...members] }
  })
  return segments.length ? { kind: 'answer', segments, anchored: true } : undefined
}

/** The entities named and the members and parts of those that are groups, by key. */
function candidates(graph: Lookup['graph'], named: readonly GraphEntity[]): Set<string> {
  const parts = named.flatMap((e) => graph.pointingAt(e).filter((f) => MEMBERSHIP.has(f.relation)).map((f) => graph.subjectOf(f)))
  return new Set([...named, ...parts].map((e) => e.key))
}

/**
 * "Which industry is dealing with overcapacity?": besides the words asking for plans, a word only one
 * subject's facts use, and nothing the documents lack ("… get subsidies for overcapacity?" is not asked).
 */
function distinctive(graph: Lookup['graph'], cues: Lookup['cues'], u: Lookup['u'], best: ResolvedFact[]): boolean {
  const subjects = new Set(best.map((f) => graph.subjectOf(f).key))
  // "What else is planned besides the base?" sets the word's fact aside.
  if (subjects.size !== 1 || u.words.some((w) => SETTING_ASIDE.has(w))) return false
  const asked = u.words.filter((w) => !isStopword(w) && !cues.generic.has(stem(w)) && !cues.planCues.has(stem(w)))
  const present = new Set(best.flatMap((f) => [...stemsOf(f)]))
  const matched = asked.filter((w) => present.has(stem(w)))
  const own = matched.filter((w) => new Set(graph.facts.filter((f) => typeof f.value === 'string' && stemsOf(f).has(stem(w))).map((f) => graph.subjectOf(f).key)).size === 1)
  return own.length > 0 && matched.length * 2 >= asked.length && asked.every((w) => present.has(stem(w)) || cues.inCorpus(w))
}

const factStems = new WeakMap<ResolvedFact, Set<string>>()

/** Stems of a fact's value and evidence, computed once per fact. */
function stemsOf(fact: ResolvedFact): Set<string> {
  let stems = factStems.get(fact)
  if (!stems) factStems.set(fact, (stems = new Set(wordsOf(`${String(fact.value)} ${fact.evidence.join(' ')}`).map(stem))))
  return stems
}
