import { isStopword, stem } from '../../core/text.js'
import type { GraphEntity } from '../graph.js'
import { capitalize, countWord, joinList, nameOf, type Segment } from '../phrasing.js'
import { asksWhat, CONTEXT_TYPES, isPlaceType, membershipAt, picksByPlan, TOGETHER, unique, WEAK_MEASURES, type EngineResult, type Lookup } from './context.js'
import { claimAt } from './figures.js'
import { reverse } from './plans.js'

/** Words that ask for groups' totals together ("all told", "split between"), beyond the shared ones. */
const TOTALLED = new Set([...TOGETHER, 'combine', 'all', 'overall', 'split', 'relate', 'relates'])
const FEWER = new Set(['fewer', 'less', 'smaller'])
/** Words that compare groups by size: "Are there more emerging or traditional industries?" */
const SIZE_WORDS = new Set([...FEWER, 'more', 'larger', 'bigger', 'greater', 'number', 'many', 'size'])
const UNNAMED = new Set(['other', 'others', 'remaining', 'rest', 'unnamed', 'missing', 'unlisted', 'unmentioned'])

/** Number words that may stand between "which" and what it asks for. */
const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'])

/** "How many strategic emerging industries …": the stated total, plus the members the text names. */
export function totals(lookup: Lookup): EngineResult | undefined {
  const { graph, cues, u, language, specific } = lookup
  // "How many jobs will the emerging industries create?": a quantity the text never gives is the figures lookup's to refuse.
  if (u.measures.some((m) => !WEAK_MEASURES.has(m) && !cues.inCorpus(m))) return undefined
  const groups = specific.flat().filter((e) => graph.about(e).some((f) => f.relation === 'total'))
  // "Are there more emerging or traditional industries?": the two stated totals side by side.
  // "How many more strategic emerging industries are there than traditional ones?": the same, and the difference.
  const howManyMore = u.intent === 'count' && u.words.some((w, i) => w === 'many' && ['more', 'fewer', 'less'].includes(u.words[i + 1] ?? ''))
  // ("How will the province treat the newer sectors compared with the older ones?" compares plans, not sizes.)
  const sizes = u.words.some((w) => SIZE_WORDS.has(w))
  if (u.compare && groups.length === 2 && (u.intent === 'count' ? howManyMore : sizes)) return compare(graph, groups, u.words.some((w) => FEWER.has(w)), howManyMore)
  // "If you add the traditional industries to the emerging ones, what total do you get?", "Do they add up to the headline number?"
  if ((u.intent === 'what' || u.intent === 'yesno') && groups.length > 1 && u.words.some((w) => TOTALLED.has(w))) return sum(graph, groups)
  // "True or false: there are nine strategic emerging industries.": a stated total the question gets right.
  // ("… names all nine individually?" asks something else.)
  // ("Is hydrogen energy one of the nine …?" asks about a member, not the total.)
  const member = membershipAt(u.words) >= 0
  if (u.intent === 'yesno' && groups.length === 1 && !u.named && !member && !u.words.some((w) => w === 'all' || w === 'every')) {
    const mention = u.mentions.find((m) => m.entities.includes(groups[0]!))
    const claim = mention && claimAt(u, mention.from - 1)
    const total = totalOf(graph, groups[0]!)
    if (claim && total && claim.value === Number(total.value)) {
      return { kind: 'answer', segments: [{ text: `Yes. There are ${countWord(claim.value)} ${groups[0]!.name}.`, facts: [total] }], anchored: true }
    }
  }
  if (u.intent !== 'count' && u.intent !== 'list' && u.intent !== 'what') return undefined
  // "emerging industries?" (nothing but the group) asks what they are.
  const bare = u.words.every((w, i) => isStopword(w) || u.mentions.some((m) => i >= m.from && i < m.to))
  if (!groups.length || (u.intent === 'what' && !u.targetType && !bare && !u.named)) return undefined
  // "Which two traditional industries both have clusters in Lyuliang?": the members a place narrows are the links lookup's.
  if (specific.some((g) => g.every((e) => isPlaceType(e.type)))) return undefined
  // "…, what sort of growth model is the province going after?": a place or the document is the subject, not the members asked for.
  if (u.intent === 'what' && !u.typeAsked && CONTEXT_TYPES.has(u.targetType ?? '')) return undefined
  // "What will the nine emerging industries do?", "In which direction should …?" ask for their plans, not their members.
  if (asksWhat(u) && u.relations.has('plan')) return undefined
  // "In which (three) directions …?" asks for plans.
  const afterWhich = u.words.slice(u.words.indexOf('which') + 1).find((w) => !COUNT_WORDS.has(w))
  if (u.intent === 'list' && cues.planCues.has(stem(afterWhich ?? ''))) return undefined
  // "Which of the traditional industries will focus on brand building?" picks members by their plans: the reverse lookup's.
  const after = u.mentions.find((m) => m.from > u.words.indexOf('which'))?.to ?? u.words.length
  if (u.intent === 'list' && afterWhich === 'of' && u.words.slice(after, after + 2).some((w) => cues.planCues.has(stem(w)) || w === 'will')) return undefined
  // "Which traditional industry is getting a national green base?": the same, with the group named right after "which"
  // (when no member's plan fits, "Which traditional industries will be shut down?", the members are listed as before).
  if (u.intent === 'list' && picksByPlan(u, cues)) {
    const picked = reverse(lookup)
    if (picked) return picked
  }
  // ("Which other traditional industries besides coking …?": others than a member the question names, not the unnamed ones.)
  // (Only for a group whose members are all named: "what are the other four strategic emerging industries?" asks for the unnamed.)
  const namedMember = () =>
    groups.every((g) => graph.pointingAt(g).filter((f) => f.relation === 'member-of').length >= Number(totalOf(graph, g)?.value ?? Infinity)) &&
    specific.some((g) => graph.about(g[0]!).some((f) => f.relation === 'member-of' && groups.some((e) => f.objects.includes(e.id))))
  if (u.words.some((w) => UNNAMED.has(w) && !((w === 'other' || w === 'others') && namedMember())) || / (?:not|[a-z]+n t) (?:names?|named|lists?|listed|mentions?|mentioned|specif(?:y|ies|ied)|spell(?:ed|s)? out)\b/.test(` ${u.words.join(' ')}`)) return u.intent === 'count' ? unnamed(graph, groups) : { kind: 'refuse', reason: 'unnamed members' }
  if (u.intent === 'count' && groups.length > 1 && u.words.some((w) => TOTALLED.has(w))) return sum(graph, groups)
  const segments = groups.flatMap((group) => membersOf(graph, group, language, u.intent === 'count'))
  // "Which traditional industries will be shut down?": the members answer only what they are, not what will happen to them.
  return segments.length ? { kind: 'answer', segments, anchored: u.intent === 'count' || !u.relations.has('plan') } : undefined
}

/** "How many of the nine are not named?": the stated total minus the members the text names. */
function unnamed(graph: Lookup['graph'], groups: GraphEntity[]): EngineResult {
  const segments = groups.map((group) => {
    const total = totalOf(graph, group)!
    const members = graph.pointingAt(group).filter((f) => f.relation === 'member-of')
    const missing = Number(total.value) - members.length
    return { text: `The article names ${countWord(members.length)} of the ${countWord(Number(total.value))} ${group.name}, so ${countWord(missing)} are not named.`, facts: [total, ...members] }
  })
  return { kind: 'answer', segments, anchored: true }
}

/** "Traditional and emerging together": the sum of the stated totals. */
function sum(graph: Lookup['graph'], groups: GraphEntity[]): EngineResult {
  const stated = groups.map((g) => totalOf(graph, g)!)
  const n = stated.reduce((acc, f) => acc + Number(f.value), 0)
  const parts = joinList(groups.map((g, i) => `${countWord(Number(stated[i]!.value))} ${g.name}`))
  const segments: Segment[] = [{ text: `${capitalize(parts)} make ${countWord(n)} industries in all.`, facts: stated }]
  // The sum may be a figure the text states as well ("develop 14 industries"): say so, with its own citation.
  const same = graph.facts.find((f) => f.relation === 'figure' && Number(f.value) === n)
  if (same) segments.push({ text: `That matches the article's own figure: ${same.text ?? String(same.value)}.`, facts: [same] })
  return { kind: 'answer', segments, anchored: true }
}

/** Two groups' stated totals, the larger (or, asked for `fewer`, the smaller) named first; with `difference`, by how many. */
function compare(graph: Lookup['graph'], groups: GraphEntity[], fewer: boolean, difference = false): EngineResult {
  const stated = groups.map((g) => ({ g, total: totalOf(graph, g)! })).sort((a, b) => (Number(b.total.value) - Number(a.total.value)) * (fewer ? -1 : 1))
  const [first, second] = stated as [(typeof stated)[number], (typeof stated)[number]]
  const n = (x: typeof first) => countWord(Number(x.total.value))
  const text =
    Number(first.total.value) === Number(second.total.value)
      ? `There are as many ${first.g.name} as ${second.g.name}: ${n(first)} each.`
      : `There are ${fewer ? 'fewer' : 'more'} ${first.g.name} than ${second.g.name}: ${n(first)} against ${n(second)}${difference ? `, ${countWord(Math.abs(Number(first.total.value) - Number(second.total.value)))} ${fewer ? 'fewer' : 'more'}` : ''}.`
  return { kind: 'answer', segments: [{ text, facts: [first.total, second.total] }], anchored: true }
}

/** The group's stated total (when `leadWithTotal` or the list is partial), then the members the text names. */
export function membersOf(graph: Lookup['graph'], group: GraphEntity, language: 'en' | 'zh', leadWithTotal: boolean): Segment[] {
  const total = totalOf(graph, group)!
  const members = graph.pointingAt(group).filter((f) => f.relation === 'member-of')
  const n = Number(total.value)
  const names = joinList(members.map((f) => nameOf(graph.subjectOf(f), language)))
  const segments: Segment[] = []
  if (leadWithTotal || members.length < n) segments.push({ text: `There are ${countWord(n)} ${group.name}.`, facts: [total] })
  if (members.length === 0) return segments
  const text = members.length < n ? `The article names only ${countWord(members.length)} of them: ${names}.` : `${capitalize(group.name)}: ${names}.`
  segments.push({ text, facts: unique(members) })
  return segments
}

/** When the entities all belong to one group whose stated total is larger, say the list is partial. */
export function partialNote(graph: Lookup['graph'], entities: GraphEntity[]): Segment | undefined {
  for (const e of entities) {
    const membership = graph.about(e).find((f) => f.relation === 'member-of')
    if (!membership) continue
    const category = graph.objectsOf(membership)[0]!
    const total = totalOf(graph, category)
    const named = graph.pointingAt(category).filter((f) => f.relation === 'member-of').length
    const allInIt = entities.every((x) => graph.about(x).some((f) => f.relation === 'member-of' && f.objects[0] === category.id))
    if (total && Number(total.value) > named && allInIt) {
      return { text: `The article names only ${countWord(named)} of the ${countWord(Number(total.value))} ${category.name}.`, facts: [total] }
    }
  }
  return undefined
}

const totalOf = (graph: Lookup['graph'], group: GraphEntity) => graph.about(group).find((f) => f.relation === 'total')
