import { isStopword } from '../core/text.js'
import type { HistoryTurn } from '../core/types.js'
import type { Mention } from '../facts/graph.js'
import type { Knowledge } from '../facts/knowledge.js'
import { CONTEXT_TYPES, isPlaceType, SETTING_ASIDE, TOGETHER } from '../facts/lookup/context.js'
import { numberOf, plural } from '../facts/phrasing.js'
import { understand, type Understanding } from '../facts/understand.js'

/** Words that point back at the things the earlier answer listed. */
const THOSE = new Set(['those', 'these', 'them', 'they'])

const CONTEXT_WORDS = new Set(['it', 'its', 'they', 'them', 'their', 'those', 'these', 'ones', 'that', 'there', 'this', 'and', 'also', 'about', 'same'])

/**
 * Resolves a follow-up against the last earlier user question that named an entity:
 * "and in which cities?" borrows the earlier entities; "and ceramics?" borrows the earlier frame.
 * Returns the words to answer with; unchanged when the question stands on its own.
 */
export function resolveFollowUp(written: string[], history: readonly HistoryTurn[] | undefined, knowledge: Knowledge): string[] {
  if (!history?.length) return written
  const earlier = earlierTurns(history, knowledge)
  const question = theOther(written, earlier, knowledge) ?? written
  // "the first one" may point into the answer to a question that named no entity ("Which industries are supposed to go green?").
  const asked = earlier(3, (u) => namesEntity(u) || Boolean(u.targetType))
  const answered = asked[0]
  // What the conversation showed in reply to a question.
  const saidAfter = (u: Understanding) => history.slice(history.indexOf(earlier.turnOf(u)!) + 1).find((t) => t.role === 'assistant')?.content
  const said = answered && saidAfter(answered)
  // ("What about the second one?" after "What's planned for coking?", whose answer lists nothing: the list shown before it.)
  const ordinal = asked.reduce<string[] | undefined>((found, u) => found ?? ordinalReference(question, u, knowledge, saidAfter(u)), undefined)
  const words =
    (answered &&
      (ordinal ??
        listReference(question, answered, knowledge, said, earlier(4, namesEntity)) ??
        demonstrativeReference(question, answered, knowledge, said))) ??
    question
  const current = understand(words, knowledge.graph, knowledge.lexicon, knowledge.compounds)
  // "What's the plan for them under the blueprints?": the document named as context is not what "them" is.
  const hasEntity = current.mentions.some((m) => m.entities.some((e) => !CONTEXT_TYPES.has(e.type)))
  const hasFrame = Boolean(current.targetType) || current.relations.size > 0 || !['what', 'yesno'].includes(current.intent)
  // "How many of the nine …" points back as much as "those" does.
  // (So does a count of nothing named: "Actually, how many does the article say?")
  const referential =
    words.some((w, i) => CONTEXT_WORDS.has(w) || (NUMBER_WORDS.has(w) && words[i - 1] === 'the')) || words.length <= 6 || (!hasEntity && current.intent === 'count' && !current.targetType)
  const besides = hasEntity ? besidesThat(words, current, earlier) : undefined
  if (besides) return besides
  // "What else is the first city down for?": once the reference is written in, the question asks about that entity itself
  // ("And the other cluster in that city?" after "Where are the ceramics clusters?": besides those).
  if (hasEntity && words !== question && words.some((w) => SETTING_ASIDE.has(w))) {
    const topic = answered?.mentions.filter((m) => m.entities.some((e) => e.type === current.targetType)) ?? []
    const aside = current.targetType && current.intent !== 'yesno' && topic.length && !words.includes('besides') ? ['besides', ...topic.flatMap((m) => answered!.words.slice(m.from, m.to))] : []
    return [...words, ...aside]
  }
  if (hasEntity && hasFrame) return words
  if (!referential) return words
  const previous = earlier(1, namesEntity)[0]
  if (!previous) return words
  // "What other clusters is it getting?" after "Where are the glass clusters?": "it" is what the answer named (Lyuliang).
  if (!hasEntity && current.targetType && previous.mentions.every((m) => m.entities[0]!.type === current.targetType)) {
    const answer = listedIn(previous, knowledge)
    // "What other cluster is in that same city?": not the one asked about before.
    const aside = words.some((w) => SETTING_ASIDE.has(w)) ? ['besides', ...previous.mentions.flatMap((m) => previous.words.slice(m.from, m.to))] : []
    if (answer?.listed.length) return [...words, 'of', ...answer.names, ...aside]
  }
  const listed = !hasEntity && current.targetType ? thoseListed(words, current, previous, knowledge) : undefined
  if (listed) return listed
  // "How many of those are there?" after "Which light industry sectors …?": those sectors, of light industry; so is a bare "How many exactly?".
  const bare = words.every((w) => isStopword(w) || knowledge.generic.has(w))
  // ("Name the two." after "Does the steel section mention any parks?": the two parks.)
  const theNumber = words.some((w, i) => NUMBER_WORDS.has(w) && words[i - 1] === 'the' && typeOf(words[i + 1], knowledge) === undefined)
  const kind =
    !current.targetType && previous.targetType && ((current.intent === 'count' && (bare || words.some((w) => THOSE.has(w)))) || theNumber) ? [plural(previous.targetType)] : []
  // "What is the combined total?" after one question per group: everything the earlier questions named.
  const named = words.some((w) => TOGETHER.has(w)) ? earlier(2, namesEntity) : [previous]
  // "What is it supposed to do with its overcapacity?" after "Which traditional industry is getting a national green base?":
  // "it" is the one thing the answer picked, not the group the question picked from.
  const picked = !hasEntity && !kind.length && words.some((w) => ONE_THING.has(w)) ? pickedIn(previous, knowledge) : undefined
  if (picked) return [...words, 'of', ...picked]
  if (!hasEntity) return [...words, ...kind, 'of', ...named.flatMap((q, i) => [...(i ? ['and'] : []), ...q.mentions.flatMap((m) => q.words.slice(m.from, m.to))])]
  // "Does that plus the emerging ones make the headline total?": "that" adds what the earlier question named.
  if (words.some((w) => TOGETHER.has(w)) && words.some((w) => w === 'that' || THOSE.has(w)) && !previous.mentions.some((m) => current.mentions.some((c) => c.entities[0]!.key === m.entities[0]!.key))) {
    return [...words, 'and', ...previous.mentions.flatMap((m) => previous.words.slice(m.from, m.to))]
  }
  // "And how is that total split between traditional and emerging industries?" is answered as it stands: it needs no earlier frame.
  const standalone = knowledge.engine.answer(current, 'en')
  if (standalone.kind === 'answer' && standalone.anchored) return words
  const frame = previous.words.filter((_, i) => !previous.mentions.some((m) => i >= m.from && i < m.to))
  const mentioned = current.mentions.flatMap((m) => words.slice(m.from, m.to))
  return [...frame, ...mentioned]
}

/**
 * "And the other group, how many are there?" after a question about one of two groups: the other one, by name, when the
 * documents have exactly two things of that kind.
 */
function theOther(words: string[], earlier: ReturnType<typeof earlierTurns>, knowledge: Knowledge): string[] | undefined {
  const at = words.findIndex((w, i) => w === 'other' && words[i - 1] === 'the' && typeOf(words[i + 1], knowledge) !== undefined)
  if (at < 0) return undefined
  const type = typeOf(words[at + 1], knowledge)!
  const ofType = (u: Understanding) => u.mentions.find((m) => m.entities.some((e) => e.type === type))
  const previous = earlier(1, (u) => ofType(u) !== undefined)[0]
  const kinds = [...knowledge.graph.entities.values()].filter((e) => e.type === type)
  const one = previous && ofType(previous)!.entities.find((e) => e.type === type)
  const other = one && kinds.length === 2 ? kinds.find((e) => e.key !== one.key) : undefined
  return other && [...words.slice(0, at - 1), ...knowledge.normalizer.normalize(other.name).words, ...words.slice(at + 2)]
}

/**
 * "What else is Lyuliang getting besides that?": "that" is what the earlier question asked about, written in. (Not "besides that
 * one", the thing the answer named; nor a kind other than the one asked for: "what other clusters besides that?" after a question
 * about the non-ferrous metals industry.)
 */
function besidesThat(words: string[], current: Understanding, earlier: ReturnType<typeof earlierTurns>): string[] | undefined {
  const at = words.findIndex((w, i) => SETTING_ASIDE.has(w) && POINTING.has(words[i + 1] ?? '') && words[i + 2] !== 'one')
  const before = at >= 0 ? earlier(1, namesEntity)[0] : undefined
  if (!before || (current.targetType && !before.mentions.every((m) => m.entities[0]!.type === current.targetType))) return undefined
  return [...words.slice(0, at + 1), ...before.mentions.flatMap((m) => before.words.slice(m.from, m.to)), ...words.slice(at + 2)]
}

/** Pronouns for one thing: "it", "its". */
const ONE_THING = new Set(['it', 'its'])

/** The words of the one thing of the asked kind that the answer to a which-question names ("Which traditional industry …?" → coking). */
function pickedIn(previous: Understanding, knowledge: Knowledge): string[] | undefined {
  if (!previous.words.includes('which')) return undefined
  const answer = listedIn(previous, knowledge)
  const kind = (e: { type: string }) => (previous.targetType ? e.type === previous.targetType : !isPlaceType(e.type) && !CONTEXT_TYPES.has(e.type))
  const ofKind = distinctMentions(answer?.listed ?? []).filter((m) => m.entities.some(kind))
  return answer && ofKind.length === 1 ? answer.words.slice(ofKind[0]!.from, ofKind[0]!.to) : undefined
}

/** Pronouns that point at one earlier thing: "besides that". */
const POINTING = new Set(['that', 'it', 'this', 'those', 'them', 'these'])

/**
 * "And which cities are those in?" after an answer that listed parks: "those" is what it listed, when it listed two or more
 * things of one kind, and not of a kind the earlier question named itself ("And which cities are they in?" after "… clusters
 * … for kaolin" means the kaolin clusters).
 */
function thoseListed(words: string[], current: Understanding, previous: Understanding, knowledge: Knowledge): string[] | undefined {
  const at = words.findIndex((w, i) => THOSE.has(w) && typeOf(words[i + 1], knowledge) === undefined && words[i - 1] !== 'of')
  const answer = at >= 0 ? listedIn(previous, knowledge) : undefined
  const own = new Set(previous.mentions.map((m) => m.entities[0]!.type))
  const things = answer?.listed.filter((m) => m.entities.every((e) => !isPlaceType(e.type) && e.type !== current.targetType && !own.has(e.type))) ?? []
  const oneKind = new Set(things.map((m) => m.entities[0]!.type)).size === 1
  return answer && things.length >= 2 && oneKind ? [...words.slice(0, at), ...joinNames(things, answer.words), ...words.slice(at + 1)] : undefined
}

const ORDINALS: Record<string, number> = { first: 0, second: 1, third: 2, fourth: 3, fifth: 4, last: -1, former: 0, latter: -1 }

/**
 * "the second one", "the first city": the entity at that place in the answer to the earlier
 * question (recomputed, so it doesn't depend on what the client kept), written in its place.
 */
function ordinalReference(words: string[], previous: Understanding, knowledge: Knowledge, said?: string): string[] | undefined {
  const at = words.findIndex((w) => w in ORDINALS || w === 'middle')
  if (at < 0) return undefined
  let answer = listedIn(previous, knowledge)
  // "The middle one of those three", "that last one" after an answer that named three of the five: the ones the
  // conversation shows, when they are a count the question states or some of ours.
  const count = words[words.findIndex((w) => THOSE.has(w)) + 1] ?? ''
  const stated = count === 'both' ? 2 : (numberOf(count) ?? 0) >= 2 ? numberOf(count) : undefined
  // "the first city you mentioned": the first of the cities the answer listed; "the first one": of the kind the earlier question asked for.
  // ("the first of those two cities": the type after what it points into.)
  const pointsInto = words[at + 1] === 'of' && THOSE.has(words[at + 2] ?? '')
  const typeInto = pointsInto ? (typeOf(words[at + 3], knowledge) ?? typeOf(words[at + 4], knowledge)) : undefined
  // ("And the second one — where are its clusters?" asks where a thing is: no place is meant, whatever the earlier question asked for.)
  const named = typeOf(words[at + 1], knowledge) ?? typeInto
  const asksPlace = !named && words.includes('where')
  const typeAfter = named ?? (asksPlace && previous.targetType && isPlaceType(previous.targetType) ? undefined : previous.targetType)
  const shown = said ? mentionsIn(knowledge.normalizer.normalize(said).words, previous, knowledge) : undefined
  if (shown && answer) {
    const ours = new Set(answer.listed.flatMap((m) => m.entities.map((e) => e.key)))
    const some = shown.listed.length >= 2 && shown.listed.length < answer.listed.length && shown.listed.every((m) => m.entities.some((e) => ours.has(e.key)))
    if (stated ? shown.listed.length === stated && answer.listed.length !== stated : some) answer = shown
  }
  // "the first city in your last answer" after "And refractory clay?", or "the first one" after an answer that names one thing:
  // the list the conversation showed.
  const ofType = (found: typeof answer) => (typeAfter ? (found?.listed.filter((m) => m.entities.some((e) => e.type === typeAfter)) ?? []) : (found?.listed ?? []))
  if (shown && ofType(shown).length >= 2 && (typeAfter ? !ofType(answer).length : (answer?.listed.length ?? 0) < 2)) answer = shown
  if (!answer) return undefined
  // "The middle one of those three".
  const index = words[at] === 'middle' ? (answer.listed.length % 2 ? (answer.listed.length - 1) / 2 : NaN) : ORDINALS[words[at]!]!
  // (A place is then no candidate, so an answer that listed only places leaves the reference to an older list.)
  const candidates = (typeAfter && ofType(answer).length ? ofType(answer) : answer.listed).filter((m) => !asksPlace || !m.entities.every((e) => isPlaceType(e.type)))
  const pick = index < 0 ? candidates.at(-1) : candidates[index]
  if (!pick) return undefined
  const start = words[at - 1] === 'the' ? at - 1 : at
  let end = words[at + 1] === 'one' || knowledge.lexicon.types[pick.entities[0]!.type]?.includes(words[at + 1] ?? '') ? at + 2 : at + 1
  // "the first of those two cities": the reference ends after what it points into.
  if (words[end] === 'of' && THOSE.has(words[end + 1] ?? '')) {
    end += 2
    if (NUMBER_WORDS.has(words[end] ?? '') || /^\d+$/.test(words[end] ?? '')) end++
    if (typeOf(words[end], knowledge)) end++
  }
  return [...words.slice(0, start), ...answer.words.slice(pick.from, pick.to), ...words.slice(end)]
}

const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'both'])

/**
 * "Which of those two …", "which one of them …": the things the earlier answer listed, named in their place;
 * "which of those cities …": the cities among them, or among what the conversation showed.
 */
function listReference(words: string[], previous: Understanding, knowledge: Knowledge, said?: string, askedBefore: readonly Understanding[] = []): string[] | undefined {
  const which = words.indexOf('which')
  // "Which of those two industries …?", or "Of those two industries, which one …?"
  const of = words.findIndex((w, i) => w === 'of' && THOSE.has(words[i + 1] ?? '') && ((i > which && i <= which + 2) || (which > i && which <= i + 4)))
  if (which < 0 || of < 0) return undefined
  let end = of + 2
  const count = numberOf(words[end] ?? '') ?? (words[end] === 'both' ? 2 : undefined)
  if (NUMBER_WORDS.has(words[end] ?? '') || /^\d+$/.test(words[end] ?? '')) end++
  const type = typeOf(words[end], knowledge)
  if (type) end++
  const { answer, listed: found } = listedOfType(previous, knowledge, type, said)
  const listed = distinctMentions(found)
  if (answer && listed.length >= 2 && (count === undefined || listed.length === count)) return [...words.slice(0, of + 1), ...joinNames(listed, answer.words), ...words.slice(end)]
  // "Which of those two industries …?" after "What's planned for coking?" and "And for steel?": what the last questions asked about.
  const asked = type && count ? askedBefore.slice(0, count).map((u) => ({ u, m: u.mentions.find((m) => m.entities[0]!.type === type) })) : []
  if (count && asked.length === count && asked.every((a) => a.m) && new Set(asked.map((a) => a.m!.entities[0]!.key)).size === count) {
    const names = asked.reverse().flatMap((a, i) => [...(i ? ['and'] : []), ...a.u.words.slice(a.m!.from, a.m!.to)])
    return [...words.slice(0, of + 1), ...names, ...words.slice(end)]
  }
  return undefined
}

/** "Which sector does that cluster belong to?": the things of that type the earlier answer listed, named in their place. */
function demonstrativeReference(words: string[], previous: Understanding, knowledge: Knowledge, said?: string): string[] | undefined {
  const at = words.findIndex((w, i) => DEMONSTRATIVES.has(w) && typeOf(words[i + 1], knowledge) !== undefined)
  if (at < 0) return undefined
  // "That industry" after an answer about parks that said "both in the steel industry": what the conversation showed.
  const { answer, listed } = listedOfType(previous, knowledge, typeOf(words[at + 1], knowledge)!, said)
  if (!answer || !listed.length) return undefined
  return [...words.slice(0, at), ...joinNames(listed, answer.words), ...words.slice(at + 2)]
}

const DEMONSTRATIVES = new Set(['that', 'this', 'those', 'these'])

/** The entity type a lexicon type word names ("cluster", "cities"), if any. */
const typeOf = (word: string | undefined, knowledge: Knowledge): string | undefined =>
  word === undefined ? undefined : Object.entries(knowledge.lexicon.types).find(([, typeWords]) => typeWords.includes(word))?.[0]

/**
 * The entities the answer to the earlier question lists (recomputed, so it doesn't depend on what the
 * client kept): as mentions in the answer's words, and as words ("lyuliang and yangquan").
 */
function listedIn(previous: Understanding, knowledge: Knowledge) {
  const result = knowledge.engine.answer(previous, 'en')
  if (result.kind !== 'answer') return undefined
  return mentionsIn(knowledge.normalizer.normalize(result.segments.filter((s) => !s.aside).map((s) => s.text).join(' ')).words, previous, knowledge)
}

/**
 * What the earlier answer listed of `type` (everything, without a type), or, when it lists none of that
 * type, what the conversation showed in reply (`said`).
 */
function listedOfType(previous: Understanding, knowledge: Knowledge, type: string | undefined, said?: string) {
  const ofType = (found: ReturnType<typeof mentionsIn> | undefined) => (type ? (found?.listed.filter((m) => m.entities.some((e) => e.type === type)) ?? []) : (found?.listed ?? []))
  let answer = listedIn(previous, knowledge)
  if (type && !ofType(answer).length && said) answer = mentionsIn(knowledge.normalizer.normalize(said).words, previous, knowledge)
  return { answer, listed: ofType(answer) }
}

/** The entities named in `words` that the earlier question did not ask about. */
function mentionsIn(words: string[], previous: Understanding, knowledge: Knowledge) {
  const asked = new Set(previous.mentions.flatMap((m) => m.entities.map((e) => e.key)))
  const listed = knowledge.graph.mentions(words).filter((m) => !m.entities.some((e) => asked.has(e.key)))
  return { words, listed, names: joinNames(listed, words) }
}

/** Each entity once, at its first mention ("aluminum (magnesium-copper)" may be mentioned twice). */
const distinctMentions = (listed: readonly Mention[]): Mention[] => listed.filter((m, i) => listed.findIndex((n) => n.entities[0]!.key === m.entities[0]!.key) === i)

/** The words of each mention, joined with "and": "lyuliang and yangquan". */
const joinNames = (listed: readonly Mention[], words: readonly string[]): string[] => listed.flatMap((m, i) => [...(i ? ['and'] : []), ...words.slice(m.from, m.to)])

const namesEntity = (u: Understanding) => u.mentions.length > 0

/**
 * The latest user turns first, each understood once and only when reached: `(n, keep)` gives up to
 * `n` of them that `keep` accepts.
 */
function earlierTurns(history: readonly HistoryTurn[], knowledge: Knowledge) {
  const turns = history.filter((t) => t.role === 'user').reverse()
  const understood: Understanding[] = []
  const at = (i: number) => (understood[i] ??= understand(knowledge.normalizer.normalize(turns[i]!.content).words, knowledge.graph, knowledge.lexicon, knowledge.compounds))
  const find = (n: number, keep: (u: Understanding) => boolean): Understanding[] => {
    const found: Understanding[] = []
    for (let i = 0; i < turns.length && found.length < n; i++) if (keep(at(i))) found.push(at(i))
    return found
  }
  /** The user turn an understanding came from. */
  const turnOf = (u: Understanding) => turns[understood.indexOf(u)]
  return Object.assign(find, { turnOf })
}
