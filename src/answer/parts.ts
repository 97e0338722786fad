import { CitationList } from '../core/citations.js'
import type { Corpus } from '../core/corpus.js'
import type { AskResponse } from '../core/types.js'

/**
 * Splits a question that asks two things: "Where are the carbon clusters and which industry are
 * they part of?" → ["Where are the carbon clusters", "which industry are they part of?"]; also "…, and to which …",
 * "…, and say what …".
 */
export function splitQuestion(question: string): string[] {
  // "When the blueprints were released, what exact date?" opens with a clause, not a question: what it says stays as context.
  const text = question.replace(WHEN_CLAUSE, '')
  // "List the steel-related measures and the example steel parks.": two kinds of thing, each listed in turn.
  const two = TWO_LISTS.exec(text)
  if (two && /\b[a-z-]{3,}s\b/i.test(two[2]!)) return [`${two[1]} ${two[2]}`, `${two[1]} ${two[3]}`]
  const parts = text
    .split(/(?<=[?])\s+(?=\S)|(?<=？)\s*(?=\S)|(?<=[?])(?=[\u4e00-\u9fff])|,?\s+(?:and|also|plus)\s+(?:if so,?\s+)?(?:(?:say|tell me|explain|to|for|under|in|from|by)\s+)?(?=(?:which|wich|what(?:'?s)?|wat|where|who|how|when|is|are|does|do)\b)|(?<!\btl)[;；]\s*/i)
    // "how many industries total, who published it": a comma before another question word, after one.
    .flatMap((p) => (/\b(?:which|what|where|who|how|when)\b/i.test(p.split(',')[0]!) ? p.split(/,\s+(?=(?:which|what|where|who|how|when)\b)/i) : [p]))
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p))
  return parts.length > 1 ? parts : [text]
}

/** "List|Name|Give me the <things> and the <other things> …", the second naming a kind of thing within its first few words. */
const TWO_LISTS = /^\s*(list|name|give(?: me)?)\s+(the\s+[^,?]+?)\s+and\s+(the\s+(?:[\w-]+\s+){0,3}?(?:measures|actions|steps|qualities|cities|parks|clusters|sectors|industries|plans|places|things|goals)\b[^?]*)$/i

/** "When the blueprints were released, …": "when" before a subject, not before a verb, opens a clause. */
const WHEN_CLAUSE = /^\s*when\s+(?!(?:is|are|was|were|did|do|does|will|would|can|could|has|have|had|should|shall)\b)(?=[^,?]+,\s*(?:which|what|where|who|how)\b)/i

/** A public body named by its kind: "the Ministry of Commerce", "the Development and Reform Commission". */
const NAMES_A_BODY = /\b(?:ministry|commission|council|bureau|committee|administration|authority|ndrc|department of)\b/i

/**
 * Drops greetings and thanks, a leading "Yes or no:" and a leading exclusion ("Apart from those parks, what else …?"): what
 * is left asks the question, and an answer that also names the excluded things still answers it.
 */
export function withoutPreamble(question: string): string {
  const rest = question
    // "Dear assistant, …", "… Thank you ever so much for your time.": greetings and thanks around the question.
    .replace(/^\s*(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening))\b[^,.!?]{0,30}[,.!]\s*/i, '')
    .replace(/(?<=[.?!。？！]|^)\s*(?:many\s+)?(?:thanks?|thank you|cheers|much appreciated)\b[^.?!]*[.!]*\s*$/i, '')
    // "According to that same department, what …?": where the answer is to come from, not what is asked
    // (but "According to the Ministry of Commerce, …" names a source the answer may have to correct).
    .replace(/^\s*(?:according to|as per|based on)\b[^,?]{0,60},\s*(?=\S)/i, (preamble) => (NAMES_A_BODY.test(preamble) ? preamble : ''))
    // "Reply in at most three bullet points: …", "Reply in JSON with keys "count" and "usd": …": how to answer, before what is asked.
    .replace(/^\s*(?:reply|answer|respond|write)\s+(?:in|as|using)\s+(?:at most|no more than|up to)\b[^:?]{0,50}:\s*(?=\S)/i, '')
    .replace(/^\s*((?:reply|answer|respond|write|output|return)\s+(?:only\s+)?(?:(?:in|as|using|with)\s+)?(?:an?\s+)?(?:json|yaml|csv|a\s+table)\b[^:?{}()]{0,60}):\s*(?=\S)(.*)$/is, (_, form: string, rest: string) => askedByKeys(form, rest))
    // "Answer as a numbered list and nothing else: …": the manner of answering; a list is still asked for.
    .replace(/\b(?:numbered|bulleted|bullet(?:-point)?)\s+(?:list|points)\b/gi, 'list')
    .replace(/,?\s+and nothing else\b/gi, '')
    // "… = ? Show the breakdown.": how to answer, after the question (the answers say where their figures come from).
    .replace(/(?<=[?.!])\s*(?:please\s+)?(?:show|give|include)\s+(?:me\s+)?(?:the\s+|your\s+)?(?:breakdown|working|workings|math|maths|calculation|steps|sources?)\b[.!]?\s*$/i, '')
    // "TL;DR the steel plan in 20 words or fewer": how long the answer may be.
    .replace(/\s+(?:in|under|within)\s+(?:\d+|[a-z]+)\s+words(?:\s+or\s+(?:fewer|less))?\b/gi, '')
    // "How many types of building-materials clusters …, counting refractory clay, kaolin and so on?", "… for building supplies
    // (clay, tiles, carbon, glass)?", "… for the consumer-goods side, like vinegar?": examples of what is asked.
    .replace(/,\s*(?:counting|including|like|such as)\s[^?]*?\b(?:and so on|and so forth|etc\.?|and the like)(?=[\s?.!]*$)/i, '')
    .replace(/\s*\((?:(?:like|such as|e\.g\.?|including)\s[^()]*|[^(),]*,[^(),]*,[^()]*|[^()]*\s[+&/]\s[^()]*)\)/gi, '')
    .replace(/,\s*(?:like|such as|e\.g\.?|for example)\s+[^,?]{1,40}(?=\?\s*$)/i, '')
    // "List the plans for the steel industry, including any parks named.": the plans name them anyway.
    .replace(/,\s*including\s+(?:any|the)\s+[^,?]{1,40}?\s+(?:named|mentioned|listed)(?=[\s?.!]*$)/i, '')
    // "Sorry, I meant the non-ferrous metals clusters, not steel. Which cities?": the question, about what was meant.
    .replace(/^\s*(?:(?:sorry|no|oops)\b[\s,!.]*)*i (?:meant|mean)\s+([^,.?!]+?)(?:,?\s+not\s+[^.?!]+)?[.!]\s*([^.?!]+)\?\s*$/i, (_, meant: string, asked: string) => `${asked} of ${meant}?`)
    // "Quiz (MCQ): Which is NOT a light-industry sector? A) liquor B) vinegar C) tea": which of the options.
    .replace(/^\s*(?:quiz\s*)?(?:\((?:mcq|multiple[- ]choice)\)|mcq|multiple[- ]choice)?\s*[:-]?\s*(.*?\?)\s*((?:\(?[a-e][).]\s*[^()?]+?\s*){2,})$/i, multipleChoice)
    // "… about making too much coke, the coal fuel used for steel?": a description of the word before, at the end.
    .replace(/,\s*(?:the|a|an)\s[^,?:]{3,40}?\b(?:used|made|that|for)\b[^,?:]*(?=\?\s*$)/i, '')
    // "List every city (not industrial parks) that …": what the answer is not to be, which it won't be anyway.
    .replace(/\s*\(\s*not\s[^()]*\)/gi, '')
    // "Fill in: the five traditional inds are coking, steel, ____, ____.": a sentence with blanks asks what fills them.
    .replace(/^\s*(?:fill in(?: the blanks?)?|complete(?: the sentence)?)\s*[:-]\s*/i, '')
    .replace(/^([^_?]*?)\s+(is|are|was|were|includes?)\s+(in\s+)?[^?]*_{2,}[^?]*$/i, (_, subject: string, verb: string, place?: string) =>
      `${place ? 'Where' : 'What'} ${verb.startsWith('include') ? 'are' : verb} ${subject.replace(/^\s*(?:the|a)\b/i, (a) => a.toLowerCase())}?`,
    )
    // ("Shanxi will give top priority to ____ strategic emerging industries.": a blank before what it counts asks how many.)
    .replace(/^([^_?]*?)_{2,}\s+((?:[a-z-]+\s+){0,2}[a-z-]+s)\b([^_?]*?)[.!]?\s*$/i, (_, before: string, counted: string, after: string) => `${before}how many ${counted}${after}?`)
    // "True or false: the glass clusters are in Lyuliang.": the statement, put as a question to check.
    .replace(/^\s*(?:(?:reply|answer|respond)\s+(?:with\s+)?)?(?:['"‘“]?yes['"’”]?\s+or\s+['"‘“]?no['"’”]?|yes\/no|true or false|right or wrong)(?![\w'"’”])(?:[^:?]{0,50}:|\s*[,?-]?)\s+(?=\S)(.*)$/i, (_, rest: string) =>
      /^(?:is|are|does|do|did|can|will|has|have|was|were|should|would)\b/i.test(rest) ? rest : `${rest.replace(/[.!。！]+\s*$/, '')}, right?`,
    )
    // "… in the plan? Yes or no, then cite the sentence.": how to answer, after the question it belongs to.
    .replace(/\?\s*(?:(?:answer|reply|respond)\s+(?:with\s+)?)?(?:yes or no|yes\/no)\b[^?]*$/i, ', yes or no?')
    // "So the refractory clay clusters are in Lyuliang and Datong?": a statement asked as a question is one to check
    // (one that opens as statements do, so that "wat will hapen to …?" is still a question).
    .replace(/^((?:(?:so|and|ok(?:ay)?|oh|wait)\b[\s,]*)*)(?=(?:the|these|those|this|that|it|they|there|its|their)\b)(?![^?]*\b(?:which|what|where|who|whom|whose|how|when|why|or)\b)([^?]*\b(?:is|are|was|were|has|have|will)\b[^?]*)\?\s*$/i, '$1$2, right?')
    // "What about refractory clay, does it overlap with those cities?": the topic is what "it" is.
    .replace(/^\s*(?:and\s+)?(?:what|how)\s+about\s+([^,?]{1,60}),\s*(does|do|is|are|was|were|can|will|would|has|have|did)\s+(?:it|they|that|this)\b/i, '$2 $1')
    // "ok and apart from the parks what else …?": after chat fillers, up to a comma or the question word.
    // ("Besides coking, steel and building materials, what's the fifth …?": a list set aside runs to the comma before the question.)
    .replace(
      /^\s*(?:(?:ok(?:ay)?|so|and|alright|well)\b[\s,]*)*(?:apart from|aside from|besides|except for|other than|in addition to|beyond|not counting|excluding|leaving out|leaving aside)\b(?:[^?？]*?[,，]\s*(?=(?:what|which|how|who|where|when)\b)|[^,，?？]*?(?:[,，]\s*|\s+(?=(?:what|which|how|who|where|when)\b)))/i,
      '',
    )
    // "除了五大传统产业，工业碳素产业集群在哪两个城市？" ("apart from …, …") likewise.
    .replace(/^\s*除了[^，,？?]*?(?:以外|之外)?[，,]\s*/u, '')
  return /[\p{L}\p{N}]/u.test(rest) ? rest : question
}

/**
 * "Answer as JSON with keys "count" and "named": the strategic emerging industries.": keys that name a count or a list ask for it,
 * when what follows only names the subject.
 */
function askedByKeys(form: string, rest: string): string {
  // ("with keys "count" and "named"", or unquoted: "with keys cluster and cities".)
  const quoted = [...form.matchAll(/["'“‘]([^"'”’]+)["'”’]/g)].map((m) => m[1]!)
  const keys = (quoted.length ? quoted : (/\bkeys?\s+(.+)$/i.exec(form)?.[1]?.split(/\s*(?:,|\band\b)\s*/) ?? [])).map((k) => k.trim().toLowerCase()).filter(Boolean)
  if (!keys.length || /^\s*(?:which|what|where|who|how|when|why|is|are|does|do|did|list|name)\b/i.test(rest)) return rest
  const subject = rest.replace(/^\s*the\s+/i, '').replace(/[.?!]+\s*$/, '')
  const asks = [
    keys.some((k) => /count|number|total|how.?many/.test(k)) ? `How many ${subject} are there?` : '',
    keys.some((k) => /name|list|which|items|members/.test(k)) ? `Which ${subject} are named?` : '',
    // "keys cluster and cities: building materials clusters": each with its cities.
    keys.some((k) => /^(?:cit(?:y|ies)|locations?|places?)$/.test(k)) && !/\bcit(?:y|ies)\b/i.test(subject) ? `Which ${subject} are there, and in which cities?` : '',
  ].filter(Boolean)
  return asks.length ? asks.join(' ') : rest
}

/** "Which is NOT a light-industry sector? A) liquor B) vinegar C) tea" → "Which of liquor, vinegar and tea is NOT a light-industry sector?" */
function multipleChoice(all: string, stem: string, choices: string): string {
  const options = lettered(choices)
  if (!options.length) return all
  const names = options.map((o) => o.text)
  // (Options that are descriptions, not names, stay as they are: "(b) becoming more high-end, green and modern".)
  if (names.some((n) => n.split(/\s+/).length > 3 || n.includes(','))) return all
  // ("Multiple choice - give the letter and the option text. Which of these …?": the question is the stem's last sentence.)
  const question = stem.split(/(?<=[.!:])\s+/).at(-1)!
  const asks = /^\s*(which|what)\s+(?:one\s+|of these\s+|of the following\s+)?(.*)$/i.exec(question)
  return asks ? `Which of ${names.slice(0, -1).join(', ')} and ${names.at(-1)} ${asks[2]}` : stem
}

/** Options lettered a, b, c … in order: "(a) Lyuliang and Yuncheng (b) Lyuliang only" → [{ letter: 'a', text: 'Lyuliang and Yuncheng' }, …]. */
function lettered(choices: string): Array<{ letter: string; text: string }> {
  const options = [...choices.matchAll(/\(?([a-e])[).]\s*(.+?)\s*(?=\(?[a-e][).]\s|$)/gi)].map((m) => ({ letter: m[1]!.toLowerCase(), text: m[2]!.replace(/[,;.]+$/, '') }))
  return options.length >= 2 && options.every((o, i) => o.letter === 'abcde'[i]) ? options : []
}

/**
 * The option of a multiple-choice question whose names are exactly the names the answer gives: "(b) Lyuliang only" for
 * "The industrial glass clusters are in Lyuliang"; undefined unless every option names something and one alone fits.
 */
export function chosenOption(question: string, answer: string): { letter: string; text: string } | undefined {
  const choices = /\?\s*((?:\(?[a-e][).]\s*[^()?]+?\s*){2,})$/i.exec(question)?.[1]
  const options = choices ? lettered(choices) : []
  const namesOf = (text: string) => new Set(text.match(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g) ?? [])
  const named = options.map((o) => namesOf(o.text))
  if (!options.length || named.some((n) => !n.size)) return undefined
  const given = new Set([...new Set(named.flatMap((n) => [...n]))].filter((n) => new RegExp(`\\b${n}\\b`).test(answer)))
  const fits = options.filter((_, i) => named[i]!.size === given.size && [...named[i]!].every((n) => given.has(n)))
  return fits.length === 1 ? fits[0] : undefined
}

const QUESTION_START = /^\s*(?:which|what|where|who|how|when|why|is|are|does|do|did|can|list|name)\b/i

/** A request that asks without a question word first: "My boss wants just the city names for …", "Tell me …". */
const REQUEST_START = /^\s*(?:(?:(?:my|our)\s+\w+|i|we)\s+(?:want|wants|need|needs|would like|'d like)\b|(?:please\s+)?(?:give|tell|show|send)\s+(?:me|us)\b)/i

/** A sentence about the form of the answer: "Just give city names", "Keep it short", "No long talk". */
const ANSWER_FORM = /^\s*(?:(?:just|only|please|pls|keep|no|be|in|give|answer|reply|respond|use)\b.*\b(?:names?|short|brief|long|talk|words?|list|sentences?|bullets?|details?|numbers?|table|json)\b|nothing (?:else|more)\b)/i

/**
 * The question at the end of a text that first tells something ("I'm a student … Anyway, which
 * park …?", "For the high-school quiz: what …?"): the trailing sentences that end in a question
 * mark, when statements (or a label ending in a colon) come before them.
 */
export function finalQuestion(text: string): string | undefined {
  // A dash ends a thought too: "… I got curious - does it say where the glass clusters are?"
  // (A shorthand abbreviation ends no sentence: "Jobs created est. from the 14 inds?")
  const sentences = text.split(/(?<=[.!?:。！？：])(?<!\b(?:est|approx|no|vs|etc|incl|govt|dept|yr|yrs|bn|mn|avg|max|min)\.)\s+|\s+(?:--?|[—–])\s+/i).filter((s) => /[\p{L}\p{N}]/u.test(s))
  // "…? Just give city names, no long talk.": how to answer, after the question.
  while (sentences.length > 1 && !/[?？]\s*$/.test(sentences.at(-1)!) && ANSWER_FORM.test(sentences.at(-1)!)) sentences.pop()
  let first = sentences.length
  // ("…, ONE line only: which cities get industrial carbon clusters": a last sentence may ask without a question mark.)
  const asks = (s: string, i: number) => /[?？]\s*$/.test(s) || (i === sentences.length - 1 && (QUESTION_START.test(s) || REQUEST_START.test(s)))
  while (first > 0 && asks(sentences[first - 1]!, first - 1)) first--
  if (first === 0 || first === sentences.length) return undefined
  return sentences.slice(first).join(' ')
}

/** One answer from the answers to each part, citations renumbered; parts the blueprint doesn't answer are said so. */
export function joinAnswers(corpus: Corpus, answers: readonly AskResponse[]): AskResponse {
  const grounded = answers.filter((a) => a.grounded)
  if (grounded.length === 0) return answers[0]!
  const list = new CitationList(corpus)
  // (A part whose answer an earlier part already gave is not said twice: "… mention Datong, and if so for which cluster?")
  const plain = (text: string) => text.replace(/\s*\[\d+\]/g, '')
  const said: string[] = []
  const texts = grounded.flatMap((a) => {
    if (said.some((s) => s.includes(plain(a.answer)))) return []
    said.push(plain(a.answer))
    const ids = new Map(a.citations.map((c) => [c.id, list.cite(c)]))
    return [a.answer.replace(/\[(\d+)\]/g, (m, n: string) => (ids.has(Number(n)) ? `[${ids.get(Number(n))}]` : m))]
  })
  if (grounded.length < answers.length) texts.push('The blueprint does not answer the other part of the question.')
  return { answer: texts.join(' '), grounded: true, source: grounded.every((a) => a.source === 'structured') ? 'structured' : 'extractive', citations: list.citations }
}
