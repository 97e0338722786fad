import { isStopword, stem, words as wordsOf } from '../../core/text.js'
import type { GraphEntity } from '../graph.js'
import { capitalize, countWord, joinList, nameOf, plural, type Segment } from '../phrasing.js'
import type { ResolvedFact } from '../schema.js'
import { linked, type Link } from '../traverse.js'
import { singular } from '../understand.js'
import { allOfType, ranked } from './all-of-type.js'
import { asksWhat, CONTEXT_TYPES, describe, isPlaceType, MEMBERSHIP, SETTING_ASIDE, unique, type EngineResult, type Lookup } from './context.js'
import { plans, plansSaying } from './plans.js'
import { partialNote } from './totals.js'

/** "Is coking a strategic emerging industry?", "Is there a kaolin cluster in Datong?", "Do Xinzhou and Jincheng share a cluster type?" */
export function yesNo(lookup: Lookup): EngineResult | undefined {
  const { graph, u, language, specific } = lookup
  if (u.intent === 'yesno' && specific.length === 1) return exists(lookup, specific[0]![0]!)
  if (u.intent !== 'yesno' || specific.length < 2) return undefined
  // "Is Yuncheng one of the kaolin cluster cities?": a thing placed in cities is the subject, the place what it is checked against.
  // ("Does Jinzhong or Datong host a refractory clay cluster?": the one thing is the subject, the places what it is checked against.)
  const firsts = specific.map((g) => g[0]!)
  const things = firsts.filter((e) => !isPlaceType(e.type))
  const swapped =
    firsts.length >= 2 &&
    isPlaceType(firsts[0]!.type) &&
    things.length === 1 &&
    linked(graph, things[0]!, firsts[0]!.type, CONTEXT_TYPES).some((l) => l.via.length === 1)
  const [subject, ...others] = swapped ? [things[0]!, ...firsts.filter((e) => e !== things[0])] : firsts
  // "Liquor, vinegar and textiles will focus on …, right?": a list of things of one kind is what the question is about, not a relation among them.
  if (others.length > 1 && others.every((o) => o.type === subject!.type) && !u.types.some((t) => t !== subject!.type && graph.types.has(t))) return undefined
  // "Is there a city that gets both an aluminium cluster and a refractory clay cluster?"
  const asked = u.types.find((t) => t !== subject!.type && graph.types.has(t))
  if (asked && !u.share && others.every((o) => o.type === subject!.type)) return thereIs(lookup, specific, asked)
  const shared = u.types.find((t) => t !== subject!.type)
  if (u.share && shared && others.every((o) => o.type === subject!.type)) return inCommon(lookup, [subject!, ...others], shared)
  const segments: Segment[] = []
  // "Does it overlap with Jinzhong and Datong?": one "No." for every place the same statement rules out,
  // and one "Yes." for each fact that confirms a place, naming every place the fact names
  // ("Is Datong part of the carbon clusters?", "Does Datong share that cluster with any other city?").
  const misses = new Map<string, { others: GraphEntity[]; segment: Segment }>()
  const hits = new Map<ResolvedFact, Segment>()
  for (const other of others) {
    // "Wenxi have a fine steel industrial park?": both names are of the one park, which the article names.
    if (other.key === subject!.key) continue
    // Two things of one kind are not each other's place ("the stainless steel park … in Wenxi", where Wenxi names the other park).
    const at = u.mentions.find((m) => m.entities.includes(other))?.from ?? 0
    if (other.type === subject!.type && ['in', 'at'].includes(u.words[at - 1] ?? '')) continue
    const links = linked(graph, subject!, other.type, CONTEXT_TYPES)
    const hit = links.find((l) => l.entity.key === other.key)
    if (hit) {
      const fact = hit.via.at(-1)!
      if (!hits.has(fact)) {
        const places = links.filter((l) => l.via.at(-1) === fact).map((l) => l.entity)
        // "Does Lyuliang also have building materials clusters?": a place linked through what it hosts names those things.
        const hosts = isPlaceType(subject!.type) && hit.via.length > 1 && hit.through.length > 0
        const text = hosts
          ? `${located(nameOf(subject!, language), joinList(hit.through.map((t) => describe(t, language))), subject!, hit.through[0]!).replace(/\.$/, '')}, part of ${describe(other, language)}`
          : relate(subject!, fact, places, language)
        const segment = { text: `Yes. ${text}.`, facts: hosts ? unique(hit.allVia) : hit.via }
        hits.set(fact, segment)
        segments.push(segment)
      }
    } else if (links.length) {
      // Two facts apart ("Yuncheng … non-ferrous metals"), say through what: the aluminum clusters.
      const direct = links.every((l) => l.via.length === 1)
      const statement = direct
        ? relate(subject!, links[0]!.via.at(-1)!, links.map((l) => l.entity), language)
        : `${capitalize(describe(subject!, language))} is linked to ${joinList(links.map((l) => `${describe(l.entity, language)} (through the ${joinList(l.through.map((t) => nameOf(t, language)))})`))}`
      const miss = misses.get(statement) ?? { others: [], segment: { text: '', facts: unique(links.flatMap((l) => l.via)) } }
      if (!misses.has(statement)) segments.push(miss.segment)
      misses.set(statement, miss)
      miss.others.push(other)
      miss.segment.text = `No. ${statement}, not ${joinList(miss.others.map((o) => describe(o, language)), 'or')}.`
    }
  }
  // "… in Lyuliang and Datong?": "No. … in Lyuliang and Yangquan, not Datong." says what a "Yes." for Lyuliang would.
  const ruledOut = new Set([...misses.values()].flatMap((m) => m.segment.facts))
  const confirmations = new Set(hits.values())
  segments.splice(0, segments.length, ...segments.filter((s) => !confirmations.has(s) || !s.facts.every((f) => ruledOut.has(f))))
  const named = others.some((o) => o.key === subject!.key) && graph.about(subject!)[0]
  if (!segments.length && named) segments.push({ text: `Yes. The article names ${describe(subject!, language)}.`, facts: [named] })
  // "… Datong will host the glass cluster?" "No. … in Lyuliang, not Datong." and what Datong does host
  // ("Jinzhong and Datong host the industrial carbon clusters": places that host the same things, together).
  const ruledOutPlaces = swapped ? [...misses.values()].flatMap((m) => m.others) : []
  const byHosted = new Map<string, { places: GraphEntity[]; hosted: Link[] }>()
  for (const place of ruledOutPlaces) {
    const hosted = directLinks(graph, place, subject!.type)
    const key = hosted.map((l) => l.entity.key).join('|')
    if (hosted.length) byHosted.set(key, { places: [...(byHosted.get(key)?.places ?? []), place], hosted })
  }
  for (const { places, hosted } of byHosted.values()) {
    const names = joinList(hosted.map((l) => describe(l.entity, language)))
    const facts = unique(places.flatMap((p) => directLinks(graph, p, subject!.type).flatMap((l) => l.via)))
    segments.push({ text: located(joinList(places.map((p) => nameOf(p, language))), names, places[0]!, hosted[0]!.entity), facts })
  }
  return segments.length ? { kind: 'answer', segments, anchored: true } : undefined
}

/**
 * "Why are the kaolin clusters in Jincheng and Datong being upgraded?": a question that places one
 * thing in a place the facts don't link it to gets the stated places first ("The kaolin … clusters
 * are in Xinzhou and Shuozhou, not Jincheng or Datong."); yes/no questions say so themselves.
 *
 * @example premiseCorrection(lookup) // { text: 'The industrial glass clusters are in Lyuliang, not Datong.', facts }
 */
export function premiseCorrection({ graph, u, language, specific }: Lookup, stated = false): Segment | undefined {
  if (u.intent === 'yesno' || u.not >= 0) return undefined
  // `stated`: only a place the question states before it asks ("Datong has a kaolin cluster: which …"), not one it asks about ("Which kaolin clusters are in Datong?").
  const asks = u.words.findIndex((w) => QUESTION_WORDS.has(w))
  // A where-question presupposes the place it names ("Where exactly are the kaolin clusters in Datong?").
  // So does "which other city joins Datong in …": the place it sets apart is one the question takes as given.
  // So does "Which cities will host the kaolin clusters in Datong?": it asks for cities while it names one.
  const presumes = u.words.includes('where') || u.words.some((w, i) => PRESUMING.has(w) || (CITY_WORDS.has(w) && ['which', 'what'].includes(u.words[i - 1] ?? '')))
  const placed = (g: GraphEntity[]) => !stated || presumes || u.mentions.some((m) => m.entities.includes(g[0]!) && m.from < asks)
  const places = specific.filter((g) => isPlaceType(g[0]!.type) && placed(g)).map((g) => g[0]!)
  const things = [...new Set(specific.filter((g) => !isPlaceType(g[0]!.type)).map((g) => g[0]!))]
  if (!places.length || things.length !== 1) return undefined
  const thing = things[0]!
  const links = directLinks(graph, thing, 'city')
  const wrong = places.filter((p) => !links.some((l) => l.entity.key === p.key))
  if (!links.length || !wrong.length) return undefined
  const statement = relate(thing, links[0]!.via[0]!, links.map((l) => l.entity), language)
  return { text: `${statement}, not ${joinList(wrong.map((p) => nameOf(p, language)), 'or')}.`, facts: unique(links.flatMap((l) => l.via)) }
}

/**
 * "Is there a glass cluster in the plan?", "Does the article mention kaolin?": yes, the article names it, and where.
 * ("Is there a plan for steel?" asks for plans; places have their own answer: "Does the plan mention Yuncheng?")
 */
function exists({ graph, cues, u, language }: Lookup, entity: GraphEntity): EngineResult | undefined {
  const text = ` ${u.words.join(' ')} `
  // ("Is there anything else besides glass there?" asks for the rest; "… in more than one part of the plan?" where it comes up;
  // "Is the Taiyuan Fine Steel Industrial Park part of the plan?" names a city the park's name lacks.)
  if (isPlaceType(entity.type) || !EXISTS.test(text) || u.words.some((w) => SETTING_ASIDE.has(w)) || SEVERAL_PLACES.test(text) || / more than /.test(text)) return undefined
  if (u.words.some((w) => cues.cities.has(w) && !entity.name.toLowerCase().split(' ').includes(w))) return undefined
  const asksPlans = u.words.some((w, i) => cues.planCues.has(stem(w)) && !(/^plans?$/.test(w) && DOCUMENT_DETERMINERS.has(u.words[i - 1] ?? '')))
  if (asksPlans) return undefined
  const places = directLinks(graph, entity, 'city')
  const facts = places.length ? unique(places.flatMap((l) => l.via)) : graph.about(entity).filter((f) => MEMBERSHIP.has(f.relation)).slice(0, 1)
  if (!facts.length) return undefined
  const where = places.length ? `, in ${joinList(places.map((l) => nameOf(l.entity, language)))}` : ''
  return { kind: 'answer', segments: [{ text: `Yes. The article names ${describe(entity, language)}${where}.`, facts }], anchored: true }
}

const EXISTS =
  / (?:is|are) there | (?:does|do|did) (?:the |this |shanxi s )?(?:plan|plans|article|blueprints?|document|text) (?:mention|include|name|list|cover|have)s? | part of (?:the |this |shanxi s )?(?:plan|plans|article|blueprints?|document) |^ [a-z ]+ (?:mentioned|named|included|covered)(?: right| in the (?:plan|article|blueprints?))? $/
const DOCUMENT_DETERMINERS = new Set(['the', 'this', 'these', 'its', 's'])

/**
 * "Light industry is about liquor, soy sauce, textiles …": between two members of one group, the question lists
 * something the documents never mention; the members they do name.
 *
 * @example memberCorrection(lookup) // { text: 'For the light industry, the article names liquor, vinegar, textiles, ceramics and glassware, not soy sauce.', facts }
 */
export function memberCorrection({ graph, cues, u, language }: Lookup): Segment | undefined {
  const mentions = [...u.mentions].sort((a, b) => a.from - b.from)
  const groupOf = (e: GraphEntity) => graph.about(e).filter((f) => MEMBERSHIP.has(f.relation) && f.objects.length === 1)
  for (let i = 0; i + 1 < mentions.length; i++) {
    const [a, b] = [mentions[i]!.entities[0]!, mentions[i + 1]!.entities[0]!]
    const between = u.words.slice(mentions[i]!.to, mentions[i + 1]!.from).filter((w) => w !== 'and' && w !== 'or')
    const alien = between.length > 0 && between.length <= 3 && between.every((w) => !isStopword(w) && !cues.generic.has(stem(w)) && !cues.inCorpus(w))
    const shared = alien ? groupOf(a).find((f) => groupOf(b).some((g) => g.relation === f.relation && g.objects[0] === f.objects[0])) : undefined
    if (!shared) continue
    const whole = graph.objectsOf(shared)[0]!
    const members = graph.pointingAt(whole).filter((f) => f.relation === shared.relation)
    const names = joinList(members.map((f) => nameOf(graph.subjectOf(f), language)))
    return { text: `For ${describe(whole, language)}, the article names ${names}, not ${between.join(' ')}.`, facts: members }
  }
  return undefined
}


/**
 * "Which of Lyuliang and Yangquan hosts the glass clusters?", "Which cities host the glass clusters, Lyuliang and Yangquan?":
 * the mentioned candidates (two or more of one type, named after "which … of", or last, of the type asked for) that the
 * other mention links to; when none does, where it links instead.
 */
export function choice(lookup: Lookup): EngineResult | undefined {
  const { graph, u, language, specific } = lookup
  const which = u.words.indexOf('which')
  if (which < 0 || specific.length < 3) return undefined
  const firsts = specific.map((g) => g[0]!)
  const candidates = firsts.filter((e) => firsts.filter((o) => o.type === e.type).length >= 2)
  const property = firsts.find((e) => !candidates.includes(e))
  if (!property || specific.length !== candidates.length + 1) return undefined
  const trailing = isPlaceType(candidates[0]!.type) && candidates[0]!.type === u.targetType && firsts.indexOf(property) === 0
  if (!u.words.slice(which + 1, which + 3).includes('of') && !trailing) return undefined
  const type = candidates[0]!.type
  const links = linkedFromGroup(graph, [property], type).links
  if (!links.length) return undefined
  const hits = links.filter((l) => candidates.some((c) => c.key === l.entity.key))
  const names = joinList(candidates.map((c) => nameOf(c, language)))
  const shown = hits.length ? hits : links
  // One fact apart: "the glass clusters are in Lyuliang"; further: "Lyuliang (through the refractory clay … clusters)".
  const statement = shown.every((l) => l.via.length === 1)
    ? relate(property, shown[0]!.via[0]!, shown.map((l) => l.entity), language).replace(/^The /, 'the ')
    : joinList(shown.map((l) => `${nameOf(l.entity, language)} (through the ${joinList(l.through.map((t) => nameOf(t, language)))})`))
  const text = hits.length ? `Of ${names}: ${statement}.` : `Neither of ${names}: ${statement}.`
  return { kind: 'answer', segments: [{ text, facts: unique(shown.flatMap((l) => l.via)) }], anchored: true }
}

/**
 * "Which products show up both among the light industry sectors and among the building materials
 * clusters?": the things two lists both name (by a shared word of their names: ceramics, glass/glassware).
 */
export function overlap(lookup: Lookup): EngineResult | undefined {
  const { graph, cues, u, language, specific } = lookup
  if (!u.both || specific.length !== 2 || u.intent === 'count' || u.intent === 'yesno') return undefined
  const kinds = u.types.filter((t) => graph.types.has(t) && !specific.some((g) => g[0]!.type === t))
  // Each group's members or parts (facts pointing at it), not the groups it belongs to itself.
  const membersOf = (g: GraphEntity[], kind: string) => {
    const found = linkedFromGroup(graph, g, kind)
    return { ...found, links: found.links.filter((l) => l.via[0]!.subject !== found.start.id) }
  }
  const lists = specific.map((g) => kinds.map((k) => membersOf(g, k)).find((f) => f.links.length))
  if (lists.some((l) => !l)) return undefined
  const [a, b] = lists as [ReturnType<typeof membersOf>, ReturnType<typeof membersOf>]
  // Two different kinds of list (sectors and clusters); the same kind is an intersection, which byType answers.
  if (a.links[0]!.entity.type === b.links[0]!.entity.type) return undefined
  const own = (e: GraphEntity) => ownWords(lookup, e.name)
  const pairs = a.links.flatMap((la) =>
    b.links.flatMap((lb) => {
      const theirs = own(lb.entity)
      const word = own(la.entity).find((x) => theirs.some((y) => shared(x, y)))
      const match = word && theirs.find((y) => shared(word, y))!
      // The shorter of the two shared words: "glass" of glass and glassware.
      return word && match ? [{ word: match.length < word.length ? match : word, la, lb }] : []
    }),
  )
  if (!pairs.length) return undefined
  const the = (e: GraphEntity) => (e.type === 'sector' ? `the ${nameOf(e, language)} sector` : describe(e, language))
  const text = `Both name ${joinList(pairs.map((p) => `${p.word} (${the(p.la.entity)} and ${the(p.lb.entity)})`))}.`
  return { kind: 'answer', segments: [{ text, facts: unique(pairs.flatMap((p) => [...p.la.via, ...p.lb.via])) }], anchored: true }
}

/** The words of a name that tell a thing apart: not generic ("industrial") and not type words ("clusters"). */
const ownWords = ({ cues }: Lookup, name: string) => wordsOf(name).filter((w) => !cues.generic.has(stem(w)) && !cues.typeWords.has(stem(w)))

/** One word is the other or begins it: "glass" and "glassware". */
const shared = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= 4 && (x.startsWith(y) || y.startsWith(x)))

/** "twice", "more than once", "in more than one place", "in several parts". */
const SEVERAL_PLACES = /\b(?:twice|more than (?:once|one)|(?:anywhere|somewhere) else|elsewhere|(?:several|multiple) (?:places|parts|times)|(?:two|2|different|two different)(?: [a-z]+){0,2}? (?:places|parts|sections|cities|industries|sectors|groups|categories|contexts))\b/

/** Verbs of being mentioned: "come up", "appear", "feature". */
const MENTIONED = new Set(['come', 'comes', 'appear', 'appears', 'feature', 'features', 'mentioned', 'crop', 'crops', 'show', 'shows', 'surface', 'surfaces'])

/**
 * "Ceramics shows up twice in the article: where?": every thing whose name shares the word (the
 * architectural ceramics clusters, the ceramics sector), each with what it is part of and its places.
 */
export function occurrences(lookup: Lookup): EngineResult | undefined {
  const { u, specific } = lookup
  const text = u.words.join(' ')
  // "Where does glass come up in the plan?" asks for every place too.
  // ("Where are the glass clusters mentioned?" names which glass it means.)
  const whereMentioned = u.words.includes('where') && u.words.some((w) => MENTIONED.has(w))
  // ("Glass is mentioned in both the building materials and light industry sections", "… mentioned under which industries".)
  // (Said before another question, "Glass appears under both … - where's the glass cluster and …?", it only sets the scene.)
  const mentionedIn = u.words.some((w) => MENTIONED.has(w)) && !u.words.includes('where') && (u.words.includes('both') || /\bwhich (?:industries|sectors|sections|groups)\b/.test(text))
  const several = SEVERAL_PLACES.test(text) || mentionedIn
  // "Which parts of the plan deal with ceramics or glass?": every place each one is named, one after the other.
  const parts = PARTS_OF_THE_PLAN.test(text)
  // "Which parts of the plan call for 'intelligent' development?": a word of the plans, not a thing.
  if (parts && !specific.length) return plansSaying(lookup)
  if (!specific.length || !(whereMentioned || several || parts)) return undefined
  // (The industries it is mentioned in are what the answer names, not more things to look for.)
  if (!parts) return everyPlaceNamed(lookup, several, mentionedIn ? [specific[0]!] : specific)
  const each = specific.map((g) => everyPlaceNamed(lookup, true, [g])).filter((r): r is Extract<EngineResult, { kind: 'answer' }> => r?.kind === 'answer')
  return each.length ? { kind: 'answer', segments: each.flatMap((r) => r.segments), anchored: true } : undefined
}

/**
 * The members of two groups whose names share a word ("the ceramics sector" of light industry and "the architectural ceramics
 * industrial clusters" of building materials), with the places of each; undefined when none do.
 */
function sharedByName(lookup: Lookup, a: GraphEntity, b: GraphEntity): EngineResult | undefined {
  const { graph, language } = lookup
  const members = (group: GraphEntity) => graph.pointingAt(group).filter((f) => MEMBERSHIP.has(f.relation)).map((f) => ({ entity: graph.subjectOf(f), fact: f }))
  const pairs = members(a).flatMap((x) =>
    members(b).flatMap((y) => {
      const word = ownWords(lookup, x.entity.name).find((w) => ownWords(lookup, y.entity.name).some((v) => shared(w, v)))
      return word ? [{ word, x, y }] : []
    }),
  )
  if (!pairs.length) return undefined
  const facts: ResolvedFact[] = []
  const describeOne = ({ entity, fact }: { entity: GraphEntity; fact: ResolvedFact }) => {
    const placed = wherePlaced(graph, entity, [{ whole: graph.objectsOf(fact)[0]!, via: [fact] }], language)
    facts.push(...placed.facts)
    return placed.text
  }
  const parts = pairs.map((p) => `${describeOne(p.x)} and ${describeOne(p.y)}`)
  const text = `${capitalize(joinList(unique(pairs.map((p) => p.word))))} ${pairs.length > 1 ? 'appear' : 'appears'} in both: ${parts.join('; ')}.`
  return { kind: 'answer', segments: [{ text, facts: unique(facts) }], anchored: true }
}

/**
 * One thing as a part of the plan, with what it is part of and its cities, and the facts that say so:
 * "the glassware sector of the light industry", "the industrial glass clusters of the building materials industry, in Lyuliang".
 */
function wherePlaced(graph: Lookup['graph'], entity: GraphEntity, wholes: Array<{ whole: GraphEntity; via: ResolvedFact[] }>, language: 'en' | 'zh') {
  const places = directLinks(graph, entity, 'city')
  const kind = entity.type === 'sector' ? ' sector' : ''
  const of = wholes.length ? ` of ${joinList(wholes.map((w) => describe(w.whole, language)))}` : ''
  const where = places.length ? `, in ${joinList(places.map((l) => nameOf(l.entity, language)))}` : ''
  return { text: `${describe(entity, language)}${kind}${of}${where}`, facts: [...wholes.flatMap((w) => w.via), ...places.flatMap((l) => l.via)] }
}

/** "Which parts of the plan …", "what sections of the article …": where in the documents something is named. */
const PARTS_OF_THE_PLAN = /\b(?:which|what)(?: two)? (?:parts|sections|areas|places) of the (?:plan|plans|article|blueprints?|document)\b/

/** "The article names glass in two (2) places: the glassware sector …; the industrial glass clusters …", for the first thing the question names. */
function everyPlaceNamed(lookup: Lookup, several: boolean, specific = lookup.specific): EngineResult | undefined {
  const { graph, u, language } = lookup
  const mention = u.mentions.find((m) => m.entities.some((e) => specific[0]!.includes(e)))!
  const said = u.words.slice(mention.from, mention.to)
  if (!several && said.some((w) => lookup.cues.typeWords.has(stem(w)))) return undefined
  const asked = ownWords(lookup, said.join(' '))
  const sharesAsked = (e: GraphEntity) => ownWords(lookup, e.name).some((x) => asked.some((y) => shared(x, y)))
  // Every thing the question names is one of them ("Glass is mentioned in two places. … the glass clusters, … glassware …").
  if (!specific.every((g) => g.some(sharesAsked))) return undefined
  const things = [...graph.entities.values()].filter((e) => !CONTEXT_TYPES.has(e.type) && sharesAsked(e))
  if (things.length < 2) return undefined
  const facts: ResolvedFact[] = []
  const parts = things.map((e) => {
    const within = directLinks(graph, e, 'industry').filter((l) => l.entity.key !== e.key)
    const placed = wherePlaced(graph, e, within.map((l) => ({ whole: l.entity, via: l.via })), language)
    facts.push(...placed.facts)
    return placed.text
  })
  if (!facts.length) return undefined
  const word = asked.join(' ')
  return { kind: 'answer', segments: [{ text: `The article names ${word} in ${countWord(things.length)} places: ${parts.join('; ')}.`, facts: unique(facts) }], anchored: true }
}

/** "Is there a city with both …?": yes with the entities of `type` linked to every mention, else no with each mention's own. */
function thereIs({ graph, language }: Lookup, groups: GraphEntity[][], type: string): EngineResult | undefined {
  const found = groups.map((g) => linkedFromGroup(graph, g, type))
  if (found.some((f) => !f.links.length)) return undefined
  const common = combine(found.map((f) => f.links), true)
  const each = found.map((f) => located(nameOf(f.start, language), joinList(f.links.map((l) => nameOf(l.entity, language))), f.start, f.links[0]!.entity).replace(/\.$/, ''))
  const clauses = each.map((c) => c.replace(/^The /, 'the ')).join('; ')
  const text = common.length ? `Yes: ${joinList(common.map((l) => nameOf(l.entity, language)))} (${clauses}).` : `No. ${capitalize(clauses)}.`
  return { kind: 'answer', segments: [{ text, facts: unique(found.flatMap((f) => f.links.flatMap((l) => l.via))) }], anchored: true }
}

/** What the entities have in common, or, when nothing, what each has. */
function inCommon({ graph, language }: Lookup, entities: GraphEntity[], type: string): EngineResult | undefined {
  const lists = entities.map((e) => linked(graph, e, type, CONTEXT_TYPES))
  if (lists.some((l) => !l.length)) return undefined
  const common = lists[0]!.filter((l) => lists.every((other) => other.some((m) => m.entity.key === l.entity.key)))
  const facts = unique(lists.flat().flatMap((l) => l.via))
  const each = entities.map((e, i) => `${nameOf(e, language)}: ${joinList(lists[i]!.map((l) => nameOf(l.entity, language)))}`).join('; ')
  const text = common.length
    ? `Yes. ${joinList(entities.map((e) => nameOf(e, language)))} share ${joinList(common.map((l) => nameOf(l.entity, language)))} (${each}).`
    : `No. They have no ${plural(type, 1)} in common (${each}).`
  return { kind: 'answer', segments: [{ text, facts }], anchored: true }
}

/** Which/how many/where + an entity type: follow facts from the mentioned entities to that type. */
export function byType(lookup: Lookup): EngineResult | undefined {
  const { graph, u, language, specific } = lookup
  // "What does the plan say about Lyuliang?": what the one place named is linked to, by the kind it has most of.
  // "Does Lyuliang show up anywhere else in the plan?": the same.
  // "How many times does Lyuliang come up?": counted by what it hosts.
  const showsUp = (u.intent === 'yesno' && u.words.some((w) => APPEARS.has(w))) || (u.intent === 'count' && u.words.includes('times'))
  const aboutPlace = !u.targetType && (u.intent === 'what' || showsUp) && specific.length === 1 && isPlaceType(specific[0]![0]!.type)
  // "What is supposed to happen to the 9 emerging industries?" asks for plans; the type word only names them.
  if (asksWhat(u) && u.relations.has('plan') && !u.typeAsked && !aboutPlace) return undefined
  const wantsPlace = u.intent === 'where' || (u.relations.has('located-in') && ['list', 'count'].includes(u.intent))
  let type = aboutPlace ? mostLinkedType(graph, specific[0]!) : wantsPlace && !u.targetType ? 'city' : u.targetType
  if (type && specific.length && specific.every((g) => g.some((e) => e.type === type))) type = u.types.find((t) => t !== type)
  // "Where are the clusters for ceramics used in building construction located?" asks for a place.
  if (u.words.includes('where') && type && !isPlaceType(type) && !u.rank) type = u.types.find(isPlaceType) ?? type
  // "Which cluster type is located in just one city?" asks for clusters, counted by city.
  // ("Which single city hosts both kaolin and ceramics clusters?" names both things to follow: it asks for the city.)
  if (u.rankType && u.rankType === type && !(u.both && specific.length > 1)) type = u.types.find((t) => t !== type && !CONTEXT_TYPES.has(t)) ?? type
  // "What else is Lyuliang getting besides the aluminum clusters?": more of the kind set aside, for the place named.
  // (Only a thing named right after the word that sets it aside: "what else is Lyuliang getting under building materials?" is not.)
  if (!type && specific.length === 2) {
    const thing = specific.find((g) => !isPlaceType(g[0]!.type))
    const at = u.mentions.find((m) => thing && m.entities.includes(thing[0]!))?.from ?? -1
    const setAside = u.words.slice(Math.max(0, at - 3), at).some((w) => SETTING_ASIDE.has(w) && w !== 'else')
    if (thing && setAside && specific.some((g) => isPlaceType(g[0]!.type))) type = thing[0]!.type
  }
  if (!type || !graph.types.has(type)) return undefined
  // "Where are Shanxi's clusters?" asks about the clusters, not the province: no specific start to follow.
  const aboutOtherType = !specific.length && u.types.some((t) => t !== type && !CONTEXT_TYPES.has(t) && !(isPlaceType(t) && isPlaceType(type!)))
  // "The name of the park in Wenxi for the steel industry": a name of the kind asked for picks among what the others link to
  // (unless it is left out: "which other steel park besides Taiyuan's").
  const named = u.words.includes('name') && !u.words.some((w) => OTHER_WORDS.has(w)) ? specific.filter((g) => g.every((e) => e.type === type)) : []
  const picks = named.length && named.length < specific.length ? new Set(named.flat().map((e) => e.key)) : undefined
  // "Apart from aluminum, which clusters are in Lyuliang?": things of the kind asked for that the question sets aside,
  // when something else is named to start from.
  // ("… and the other steel park?" asks for that one too.)
  const setsAside = u.words.some((w, i) => SETTING_ASIDE.has(w) && (w !== 'other' || u.words[i + 1] === 'than'))
  const asideGroups = !picks && setsAside ? specific.filter((g) => g.every((e) => e.type === type)) : []
  const aside = asideGroups.length && asideGroups.length < specific.length ? new Set(asideGroups.flat().map((e) => e.key)) : undefined
  const mentioned = picks || aside ? specific.filter((g) => !(picks ? named : asideGroups).includes(g)) : specific.length ? specific : aboutOtherType ? [] : u.mentions.map((m) => m.entities)
  // "Where's the copper cluster in Taiyuan and Yuncheng?": where the one thing is (the places named are checked by the premise correction).
  const things = mentioned.filter((g) => !g.every((e) => isPlaceType(e.type)))
  const starts = u.words.includes('where') && isPlaceType(type) && things.length === 1 && things.length < mentioned.length ? things : mentioned
  // "Which other city shares the carbon clusters with Datong?": where the thing is, and which places besides the one named.
  if (isPlaceType(type) && things.length === 1 && mentioned.length === 2 && (u.share || u.words.includes('other'))) {
    const place = mentioned.find((g) => g !== things[0])![0]!
    const links = directLinks(graph, things[0]![0]!, type)
    const others = links.filter((l) => l.entity.key !== place.key)
    if (isPlaceType(place.type) && others.length && others.length < links.length) {
      const text = `${relate(things[0]![0]!, links[0]!.via[0]!, links.map((l) => l.entity), language)}: besides ${nameOf(place, language)}, ${joinList(others.map((l) => nameOf(l.entity, language)))}.`
      return { kind: 'answer', segments: [{ text, facts: unique(links.flatMap((l) => l.via)) }], anchored: true }
    }
  }
  if (!starts.length) return allOfType(lookup, type)
  // ("I don't care about anything else — just tell me which cities …": a "not" far from what it would exclude negates something else;
  // "an aluminum (magnesium-copper) cluster" is one start, however many mentions name it.)
  // ("… aluminum clusters for the non-ferrous metals industry but no …": the industry a named thing is part of only qualifies it.)
  const partOfAnother = (g: GraphEntity[]) => starts.some((h) => h !== g && graph.about(h[0]!).some((f) => MEMBERSHIP.has(f.relation) && f.objects.includes(g[0]!.id)))
  const distinctStarts = starts.filter((g, i) => starts.findIndex((h) => h[0]!.key === g[0]!.key) === i && !(u.not >= 0 && partOfAnother(g)))
  if (u.not >= 0 && distinctStarts.length === 2 && u.mentions.some((m) => m.from > u.not && m.from <= u.not + 6)) return except(lookup, distinctStarts, u.types.find((t) => !starts.some((g) => g[0]!.type === t)) ?? type)
  // "Where is X?" may mean a city or a region, whichever the facts link X to;
  // "Which sector does the refractory clay cluster belong to?" may mean an industry, as the facts have it.
  const whAsked = u.words.some((w, i) => (w === 'which' || w === 'what') && singular(u.words[i + 1] ?? '') === type)
  const alternative = u.intent === 'where' && isPlaceType(type) ? (type === 'city' ? 'region' : 'city') : whAsked ? KINDRED_TYPES[type] : undefined
  let found = starts.map((group) => linkedFromGroup(graph, group, type!))
  // "Where are the steel parks?": with no place linked, the things of the kind named are the answer (their names place them).
  const thingType = u.intent === 'where' && isPlaceType(type) ? u.types.find((t) => !isPlaceType(t) && !CONTEXT_TYPES.has(t) && !starts.some((g) => g[0]!.type === t)) : undefined
  for (const other of [alternative, thingType]) {
    if (!other || found.some((f) => f.links.length)) continue
    const links = starts.map((group) => linkedFromGroup(graph, group, other))
    if (links.some((f) => f.links.length)) [found, type] = [links, other]
  }
  // "What locations are named for the steel and aluminum industries combined?": a start that no place is linked to is placed
  // by the things with proper names it has (the steel parks); each start is answered on its own.
  if (isPlaceType(type) && found.length > 1 && found.some((f) => f.links.length) && found.some((f) => !f.links.length)) {
    const byName = found.map((f, i) => (f.links.length ? undefined : properlyNamed(graph, starts[i]!)))
    if (byName.every((f) => !f || f.links.length)) {
      // (A place linked through something else keeps the usual answer: "Cities for non-ferrous metals: Lyuliang (through …)".)
      const segments = found.flatMap((f, i) => {
        const named = byName[i]
        if (named) return eachOnItsOwn([named], language)
        const answer = linkAnswer(lookup, type!, [f.start], f.links)
        return answer.kind === 'answer' ? answer.segments : []
      })
      return { kind: 'answer', segments, anchored: true }
    }
  }
  // "Which product categories show up in both the building materials clusters and the light industry sectors?": members of the
  // two that share a word (ceramics, glass), since no one thing is in both.
  if (u.words.includes('both') && distinctStarts.length === 2 && !differentTypes(distinctStarts) && distinctStarts.every((g) => !isPlaceType(g[0]!.type))) {
    const named = sharedByName(lookup, distinctStarts[0]![0]!, distinctStarts[1]![0]!)
    if (named) return named
  }
  if (u.compare && found.length > 1 && !differentTypes(starts)) return comparison(lookup, found, type)
  // "Where are the refractory clay and glass clusters (respectively)?": each one's places, not only the city they share.
  const each = (u.intent === 'where' || u.words.some((w) => EACH.has(w)) || (u.union && u.intent !== 'count' && u.words.includes('and') && isPlaceType(type))) && !u.both && !picks && !aside && found.length > 1 && !differentTypes(starts)
  if (each && found.every((f) => f.links.length && f.links.every((l) => l.via.length === 1))) {
    return { kind: 'answer', segments: eachOnItsOwn(found, language), anchored: true }
  }
  // "How many clusters does Lyuliang have across the non-ferrous metals and building materials plans?": "across" joins the two
  // industries; the place still narrows them.
  // (A start of the kind asked for stands for itself: "… across the aluminum and building materials plans".)
  const own = (f: (typeof found)[number]): Link[] => {
    if (f.start.type !== type) return f.links
    const via = directLinks(graph, f.start, 'city').flatMap((l) => l.via).slice(0, 1)
    return [{ entity: f.start, via, allVia: via, through: [] }]
  }
  const placesAndThings = [found.filter((f) => isPlaceType(f.start.type)), found.filter((f) => !isPlaceType(f.start.type))]
  const combined =
    u.union && !u.both && !aside && !isPlaceType(type) && placesAndThings.every((g) => g.length) && found.length > 2
      ? combine(placesAndThings.map((g) => combine(g.map(own), false, true)), true)
      : combine(found.map((f) => f.links), u.both || (differentTypes(starts) && !u.union), u.union || aside !== undefined)
  const results = picks ? combined.filter((l) => picks.has(l.entity.key)) : aside ? combined.filter((l) => !aside.has(l.entity.key)) : combined
  if (results.length && u.rank) {
    const counted = u.types.find((t) => t !== type && !starts.some((g) => g[0]!.type === t))
    const answer = counted ? ranked(lookup, results.map((l) => l.entity), counted) : undefined
    if (answer?.kind === 'answer') return { ...answer, anchored: true }
  }
  // "… in Lyuliang and Yuncheng besides the aluminum clusters": each place with what else it has.
  if (aside && results.length && found.length > 1 && found.every((f) => isPlaceType(f.start.type))) {
    const text = found
      .map((f) => {
        const rest = f.links.filter((l) => !aside.has(l.entity.key))
        const place = nameOf(f.start, language)
        return rest.length ? located(place, joinList(rest.map((l) => nameOf(l.entity, language))), f.start, rest[0]!.entity) : `${place} has no other ${plural(type, 2)}.`
      })
      .join(' ')
    return { kind: 'answer', segments: [{ text, facts: unique(results.flatMap((l) => l.allVia)) }], anchored: true }
  }
  if (results.length) {
    const answer = withSharers(lookup, starts, type, linkAnswer(lookup, type, found.map((f) => f.start), results), results, aboutPlace)
    // "What will the weather be like in Datong?": what a place hosts answers only a question that names nothing the documents don't know.
    if (!aboutPlace || answer.kind !== 'answer') return answer
    // "Does the plan mention Yuncheng?": yes, and what it hosts.
    const [first, ...rest] = answer.segments
    return { ...answer, segments: showsUp && u.intent === 'yesno' && first ? [{ ...first, text: `Yes. ${first.text}` }, ...rest] : answer.segments, anchored: false }
  }
  if (!specific.length) return allOfType(lookup, type)
  // "Where is the fine-steel park?": no place is linked, but a proper name may carry one; say the name and what it is part of.
  // ("How many companies are located in the Taiyuan park?" counts something else.)
  const asksCity = u.words.some((w) => CITY_WORDS.has(w))
  if ((u.intent === 'where' || isPlaceType(type)) && u.intent !== 'count' && specific.length === 1 && /^[A-Z]/.test(specific[0]![0]!.name)) return namedOnly(lookup, specific[0]![0]!, asksCity)
  // "Which cities are the Taiyuan … Park and the Wenxi … Park in?": each one's name, and what it places.
  if ((u.intent === 'where' || isPlaceType(type)) && u.intent !== 'count' && specific.length > 1 && specific.every((g) => /^[A-Z]/.test(g[0]!.name))) {
    const each = specific.map((g) => namedOnly(lookup, g[0]!, asksCity, true))
    if (each.every((r) => r?.kind === 'answer')) {
      const answers = each as Array<Extract<EngineResult, { kind: 'answer' }>>
      return { kind: 'answer', segments: answers.flatMap((r) => r.segments), anchored: true, unanswered: answers.every((r) => r.unanswered) }
    }
  }
  // "Which light-industry sector relates to glass?": nothing links them, but the word is named in more than one place.
  const unlinked = starts.filter((_, i) => !found[i]?.links.length)
  const namedTwice = u.typeAsked && unlinked.length === 1 && !isPlaceType(type) ? everyPlaceNamed(lookup, true, unlinked) : undefined
  if (namedTwice) return namedTwice
  // "What type of cluster development is promoted for the emerging industries?": no cluster is linked, but their plans speak of one.
  const typeStem = stem(type)
  const plansSay = starts.length === 1 && graph.about(starts[0]![0]!).some((f) => f.relation === 'plan' && wordsOf(String(f.value)).some((w) => stem(w) === typeStem))
  if (u.typeAsked && plansSay && lookup.planWord) return plans(lookup)
  // "Which city hosts the medicine cluster?" when no city is linked: the blueprint doesn't say.
  return u.typeAsked ? { kind: 'refuse', reason: 'no link' } : undefined
}

/** What `type` is linked to in one fact: "the kaolin clusters are in Xinzhou and Shuozhou". */
const directLinks = (graph: Lookup['graph'], e: GraphEntity, type: string) => linked(graph, e, type, CONTEXT_TYPES).filter((l) => l.via.length === 1)

/** Words that ask whether a thing appears in the text at all. */
const APPEARS = new Set(['anywhere', 'appear', 'appears', 'show', 'shows', 'feature', 'features', 'mention', 'mentions', 'mentioned', 'elsewhere'])

/** Words that take a named place as given ("which other city joins Datong", "besides Datong, where …"). */
const PRESUMING = new Set(['other', 'another', 'besides', 'alongside', 'joins', 'join', 'also', 'too'])

/** Words that set a named thing apart from what is asked, "not" and "alongside" included. */
const OTHER_WORDS = new Set([...SETTING_ASIDE, 'others', 'another', 'alongside', 'not'])

/**
 * "Which cluster type does my city (Datong) share, and with which other city?": after what one place
 * hosts, the other places that host each of those things.
 */
function withSharers({ graph, u, language }: Lookup, starts: GraphEntity[][], type: string, answer: EngineResult, results: Link[], aboutPlace = false): EngineResult {
  const place = starts.length === 1 ? starts[0]![0]! : undefined
  // (Asked about a place alone, "Datong?", the answer names the places it shares each thing with too.)
  if (!(u.share || aboutPlace) || answer.kind !== 'answer' || !place || !isPlaceType(place.type) || isPlaceType(type)) return answer
  const extra = results.flatMap((r): Segment[] => {
    const others = linked(graph, r.entity, place.type, CONTEXT_TYPES).filter((l) => l.via.length === 1 && l.entity.key !== place.key)
    if (!others.length) return []
    const verb = /s$|\)$/.test(r.entity.name) ? 'are' : 'is'
    return [{ text: `${capitalize(describe(r.entity, language))} ${verb} also in ${joinList(others.map((o) => nameOf(o.entity, language)))}.`, facts: unique(others.flatMap((o) => o.via)), aside: !u.share }]
  })
  return { ...answer, segments: [...answer.segments, ...extra] }
}

const QUESTION_WORDS = new Set(['which', 'what', 'where', 'who', 'how', 'why', 'when'])

/** Types a question may use for each other: "sector" for an industry and back. */
const KINDRED_TYPES: Partial<Record<string, string>> = { sector: 'industry', industry: 'sector' }

/** The entity type the group is most often linked to directly (ties: the first in the graph's order), other than places and document-level types. */
export function mostLinkedType(graph: Lookup['graph'], group: GraphEntity[]): string | undefined {
  // Direct links count: a city hosts clusters; the industries come through them.
  const counts = [...graph.types]
    .filter((t) => !CONTEXT_TYPES.has(t) && !isPlaceType(t))
    .map((t) => ({ t, n: linkedFromGroup(graph, group, t).links.filter((l) => l.via.length === 1).length }))
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a), { t: '', n: 0 })
  return best.n ? best.t : undefined
}

/** Words that ask for each thing's own links: "respectively", "each". */
const EACH = new Set(['respectively', 'each', 'separately'])

/** Words that ask for a city by name, more than "where" does. */
const CITY_WORDS = new Set(['city', 'cities', 'prefecture', 'municipality', 'town'])

/**
 * "Where is X?" with no place linked: the article's name for X and what X is part of, and that no city is named for it.
 * A name that begins with a city's ("Taiyuan Stainless Steel …") places X in that city; otherwise "which city …?" is unanswered.
 */
function namedOnly({ graph, cues, language }: Lookup, entity: GraphEntity, asksCity: boolean, several = false): EngineResult | undefined {
  const parent = graph.about(entity).find((f) => MEMBERSHIP.has(f.relation) && f.objects.length)
  if (!parent) return undefined
  const whole = graph.objectsOf(parent)[0]!
  const named = `the ${nameOf(entity, language)}, part of ${describe(whole, language)}`
  const city = entity.name.split(' ')[0]!
  // (One of several is named in each sentence: "The article names no city for the Wenxi Fine Steel Industrial Park, …".)
  if (cues.cities.has(city.toLowerCase())) {
    const text = several ? `The name of ${named}, places it in ${city}; the article names no city for it otherwise.` : `Its name places it in ${city}: the article calls it ${named}; it names no city for it otherwise.`
    return { kind: 'answer', segments: [{ text, facts: [parent] }], anchored: true }
  }
  const text = several ? `The article names no city for ${named}.` : `The article names no city for it: it calls it ${named}.`
  return { kind: 'answer', segments: [{ text, facts: [parent] }], anchored: true, unanswered: asksCity }
}

/** "Which building materials clusters are not located in Lyuliang?": links of the first mention that the one after "not" lacks. */
function except(lookup: Lookup, groups: GraphEntity[][], type: string): EngineResult | undefined {
  const { graph, u, language } = lookup
  const after = u.mentions.findIndex((m) => m.from > u.not)
  if (after < 0) return undefined
  const excluded = groups[Math.min(after, groups.length - 1)]!
  const from = groups.find((g) => g !== excluded)!
  const all = linkedFromGroup(graph, from, type)
  const excludedLinks = linkedFromGroup(graph, excluded, type).links
  const without = new Set(excludedLinks.map((l) => l.entity.key))
  const kept = all.links.filter((l) => !without.has(l.entity.key) && l.entity.key !== excluded[0]!.key)
  if (!all.links.length) return undefined
  const place = isPlaceType(excluded[0]!.type)
  const not = `${place ? 'not in' : 'not linked to'} ${nameOf(excluded[0]!, language)}`
  const text = kept.length
    ? `${capitalize(plural(type))} for ${nameOf(all.start, language)} ${not}: ${joinList(kept.map((l) => nameOf(l.entity, language)))}.`
    : `None: every one of the ${plural(type)} for ${nameOf(all.start, language)} is ${place ? 'in' : 'linked to'} ${nameOf(excluded[0]!, language)}.`
  // (What rules a place out is cited too: the aluminum clusters' own cities.)
  return { kind: 'answer', segments: [{ text, facts: unique([...all.links, ...excludedLinks].flatMap((l) => l.allVia)) }], anchored: true }
}

/** "Which has more clusters, Datong or Jinzhong?" */
function comparison({ language }: Lookup, found: Array<{ start: GraphEntity; links: Link[] }>, type: string): EngineResult {
  const sorted = [...found].sort((a, b) => b.links.length - a.links.length)
  const describeOne = (f: (typeof found)[number]) =>
    `${nameOf(f.start, language)} has ${countWord(f.links.length)} (${joinList(f.links.map((l) => nameOf(l.entity, language)))})`
  const tie = sorted.every((f) => f.links.length === sorted[0]!.links.length)
  const lead = tie
    ? `They have the same number of ${plural(type)}, ${countWord(sorted[0]!.links.length)} each`
    : `${nameOf(sorted[0]!.start, language)} has the most ${plural(type)}`
  const facts = unique(found.flatMap((f) => f.links.flatMap((l) => l.allVia)))
  return { kind: 'answer', segments: [{ text: `${lead}: ${sorted.map(describeOne).join('; ')}.`, facts }], anchored: true }
}

function linkAnswer({ graph, u, language }: Lookup, type: string, starts: GraphEntity[], results: Link[]): EngineResult {
  const subject = joinList(unique(starts.map((e) => nameOf(e, language))))
  const noun = plural(type, results.length)
  // "… every building-materials cluster type, along with the city or cities for each", "cluster type | cities":
  // places asked for besides the things, when no place is named, go with each thing.
  const placesToo = !isPlaceType(type) && u.types.some(isPlaceType) && !starts.some((e) => isPlaceType(e.type))
  const placesOf = (e: GraphEntity) => (placesToo ? directLinks(graph, e, 'city') : [])
  const named = (l: Link) => {
    const places = placesOf(l.entity)
    const where = places.length ? ` (${joinList(places.map((p) => nameOf(p.entity, language)))})` : ''
    return nameOf(l.entity, language) + where + (l.through.length ? ` (through the ${joinList(l.through.map((t) => nameOf(t, language)))})` : '')
  }
  const names = joinList(results.map(named))
  // ("Datong and the carbon clusters are in …" would make a place the subject of "are in".)
  const mixed = starts.some((e) => isPlaceType(e.type)) && starts.some((e) => !isPlaceType(e.type))
  const direct = results[0]!.via.at(-1)?.relation === 'located-in' && results.every((l) => l.via.length === 1) && !mixed
  const text =
    u.intent === 'count'
      ? `The article names ${countWord(results.length)} ${noun} for ${subject}: ${joinList(results.map((l) => nameOf(l.entity, language)))}.`
      : direct
        ? located(subject, names, starts[0]!, results[0]!.entity)
        : `${capitalize(noun)} for ${subject}: ${names}.`
  const segments: Segment[] = [{ text, facts: unique(results.flatMap((l) => [...l.allVia, ...placesOf(l.entity).flatMap((p) => p.via)])) }]
  const note = partialNote(graph, results.map((l) => l.entity))
  if (note) segments.push(note)
  return { kind: 'answer', segments, anchored: true }
}

/**
 * Links from a mention: from its own entities and from entities whose aliases contain its name
 * ("ceramics" the sector, and the architectural ceramics clusters), by the first that has any.
 */
function linkedFromGroup(graph: Lookup['graph'], group: GraphEntity[], type: string): { start: GraphEntity; links: Link[] } {
  const related = [...new Set(group.flatMap((g) => graph.aliasesContaining(g.name)))].filter((e) => e.type !== group[0]!.type)
  const starts = [...group, ...related]
  const all = starts.map((start) => ({ start, links: linked(graph, start, type, CONTEXT_TYPES) })).filter((s) => s.links.length)
  if (!all.length) return { start: group[0]!, links: [] }
  return { start: all[0]!.start, links: combine(all.map((a) => a.links), false) }
}

/** One sentence per start with what it is linked to, each start once ("aluminum (magnesium-copper)" may be found twice). */
function eachOnItsOwn(found: Array<{ start: GraphEntity; links: Link[] }>, language: 'en' | 'zh'): Segment[] {
  return found
    .filter((f, i) => found.findIndex((g) => g.start.key === f.start.key) === i)
    .map((f) => ({ text: `${relate(f.start, f.links[0]!.via[0]!, f.links.map((l) => l.entity), language)}.`, facts: unique(f.links.flatMap((l) => l.via)) }))
}

/** The things with proper names ("Taiyuan Stainless Steel Industrial Park") that one fact each links to the group, of the first type that has any. */
function properlyNamed(graph: Lookup['graph'], group: GraphEntity[]): { start: GraphEntity; links: Link[] } {
  for (const type of graph.types) {
    if (isPlaceType(type) || CONTEXT_TYPES.has(type)) continue
    const found = linkedFromGroup(graph, group, type)
    const links = found.links.filter((l) => l.via.length === 1 && /^[A-Z]/.test(l.entity.name))
    if (links.length) return { start: found.start, links }
  }
  return { start: group[0]!, links: [] }
}

/** A sentence stating `fact` between `a` and `others`, oriented as the fact is: "The steel industry is among the traditional leading industries". */
function relate(a: GraphEntity, fact: ResolvedFact, others: GraphEntity[], language: 'en' | 'zh'): string {
  const forward = fact.subject === a.id
  const left = capitalize(forward ? describe(a, language) : joinList(others.map((o) => describe(o, language))))
  const right = forward ? joinList(others.map((o) => describe(o, language))) : describe(a, language)
  // By the last word as described in English (a Chinese name may follow): "the modern logistics industry is", "the kaolin industrial clusters are".
  const isPlural = forward ? /s\)?$/.test(describe(a)) : others.length > 1 || /s\)?$/.test(describe(others[0]!))
  const verb = isPlural ? 'are' : 'is'
  if (fact.relation === 'located-in') return `${left} ${verb} in ${right.replace(/^the /, '')}`
  if (fact.relation === 'member-of') return `${left} ${verb} among ${right}`
  if (fact.relation === 'part-of') return `${left} ${verb} part of ${right}`
  return `The article links ${describe(a, language)} to ${joinList(others.map((o) => describe(o, language)))}`
}

/** "The kaolin industrial clusters are in Xinzhou and Shuozhou." / "Shuozhou hosts the kaolin … clusters." */
function located(subject: string, names: string, start: GraphEntity, result: GraphEntity): string {
  if (isPlaceType(result.type)) {
    const verb = /s$|\)$/.test(start.name) ? 'are' : 'is'
    return `${capitalize(/^[A-Z]/.test(start.name) ? subject : `the ${subject}`)} ${verb} in ${names}.`
  }
  return `${subject} ${subject.includes(' and ') ? 'host' : 'hosts'} ${names}.`
}

function differentTypes(groups: GraphEntity[][]): boolean {
  return new Set(groups.map((g) => g[0]!.type)).size > 1
}

/**
 * Links of several mentions together: the intersection when `strict` ("both", or mentions of different
 * types constraining each other); otherwise the intersection if any ("clusters in Lyuliang and
 * Yuncheng"), else the union ("cities of the kaolin and carbon clusters").
 */
function combine(lists: Link[][], strict: boolean, union = false): Link[] {
  if (lists.length === 1) return lists[0]!
  if (union && !strict) return lists.flat().filter((l, i, all) => all.findIndex((m) => m.entity.key === l.entity.key) === i)
  const [first, ...rest] = lists
  const common = (first ?? [])
    .filter((l) => rest.every((r) => r.some((m) => m.entity.key === l.entity.key)))
    .map((l) => {
      const matches = [l, ...rest.map((r) => r.find((m) => m.entity.key === l.entity.key)!)]
      return { ...l, via: unique(matches.flatMap((m) => m.via)), allVia: unique(matches.flatMap((m) => m.allVia)), through: unique(matches.flatMap((m) => m.through)) }
    })
  if (strict || common.length) return common
  return lists.flat().filter((l, i, all) => all.findIndex((m) => m.entity.key === l.entity.key) === i)
}
