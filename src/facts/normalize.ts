import { osaDistance } from '../core/edit-distance.js'
import { fold, isStopword, stem, words } from '../core/text.js'
import type { Lexicon } from './lexicon.js'
import { SCALES } from './phrasing.js'

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u

/** Question words that decide the intent: typos are corrected towards them too ("wich" → "which"). */
const QUESTION_WORDS = ['which', 'where', 'whose']
/** Four-letter question words, which also take one wrong letter ("meny" → "many"). */
const SHORT_QUESTION_WORDS = ['many', 'much', 'what', 'when']

/** Abbreviated scales: "$14.12bn", "5k". */
const SCALE_ABBREVIATIONS: Readonly<Record<string, string>> = { k: 'thousand', mn: 'million', m: 'million', bn: 'billion' }
/** An amount with a dollar sign or a decimal scaled figure: "$28 billion", "US$14.12bn", "1.4 trillion". */
const AMOUNT = /(?:\bus\s*)?(\$)\s*(\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|mn|m|k)\b)?|\b(\d+\.\d+)\s*(thousand|million|billion|trillion|bn|mn)\b/g

/**
 * "$28 billion" → "28 billion dollars"; a decimal with a scale is one whole number, as words can't
 * keep a decimal point: "$14.12 billion" → "14120000000 dollars", "1.4 trillion" → "1400000000000".
 */
function amountWords(_: string, dollar: string | undefined, n1: string | undefined, s1: string | undefined, n2: string | undefined, s2: string | undefined): string {
  const number = (n1 ?? n2)!
  const written = (s1 ?? s2 ?? '').toLowerCase()
  const word = SCALE_ABBREVIATIONS[written] ?? written
  const size = SCALES[word]
  const unit = dollar ? ' dollars' : ''
  if (!size) return ` ${number}${unit} `
  return number.includes('.') ? ` ${Math.round(Number(number) * size)}${unit} ` : ` ${number} ${word}${unit} `
}

/** What a {@link QuestionNormalizer} derives from its word lists and the lexicon, as plain data (JSON). */
export interface NormalizerTables {
  /** CJK phrases and their English replacements, folded, longest first. */
  phrases: Array<[string, string]>
  /** English phrases of two or more words and their replacements, as words, longest first. */
  wordPhrases: Array<[string[], string[]]>
  /** Stems of the vocabulary, and of the core words. */
  stems: string[]
  coreStems: string[]
  /** The lexicon's distinct and generic words, folded. */
  distinct: string[]
  generic: string[]
  /** The words typos are corrected towards, and the synonym, quantity and generic words, by length. */
  byLength: Array<[number, string[]]>
  synonymsByLength: Array<[number, string[]]>
  /** The lexicon's synonyms by stem of the word replaced. */
  synonymsByStem: Array<[string, string]>
}

export interface NormalizedQuestion {
  /** `zh` when the question contains Chinese characters. */
  language: 'en' | 'zh'
  /** Folded words after phrase translation, spelling, synonym and typo repair. */
  words: string[]
  /** Words that were corrected, as `original → replacement`, for debugging. */
  corrections: string[]
}

/**
 * Rewrites a question into the corpus' own vocabulary, driven entirely by the alias lexicon:
 * Chinese and multi-word phrases, British spellings, synonyms, and typos (edit distance to a
 * known word). Words already in the vocabulary are never changed.
 */
/** A clause that is a question of its own ("and does it match …"), not a noun phrase. */
const ASKS_ITSELF = /^\s*(?:and\s+)?(?:does|do|did|is|are|was|were|will|can|what|which|how)\b/

export class QuestionNormalizer {
  readonly #phrases: ReadonlyArray<readonly [string, string]>
  /** English phrases of two or more words, as words, longest first ("rust resistant" → "stainless"). */
  readonly #wordPhrases: ReadonlyArray<readonly [string[], string[]]>
  /** The words typos are corrected towards, by length. */
  readonly #byLength: ReadonlyMap<number, string[]>
  /** The lexicon's synonyms, quantity and generic words, by length: corrected only one edit away ("publised", "dollers", "mentiond"). */
  readonly #synonymsByLength: ReadonlyMap<number, string[]>
  /** The lexicon's generic words: never corrected into a corpus word. */
  readonly #generic: ReadonlySet<string>
  /** Real words near a known one that are never corrected into it ("Shaanxi" is not "Shanxi"). */
  readonly #distinct: ReadonlySet<string>
  /** The lexicon's synonyms by stem, for inflections the lexicon doesn't list. */
  readonly #synonymsByStem: ReadonlyMap<string, string>
  readonly #stems: ReadonlySet<string>
  readonly #coreStems: ReadonlySet<string>

  /**
   * `tables`: what {@link QuestionNormalizer.tables} derives from the same word lists and lexicon,
   * computed earlier (at ingest, so start-up only wraps it); derived here when absent.
   */
  constructor(
    private readonly lexicon: Lexicon,
    /** Every word the service knows: corpus, entity names and aliases, lexicon. */
    readonly vocabulary: ReadonlySet<string>,
    /** The words typos are corrected towards: corpus, entity names and aliases, type and relation words. */
    private readonly core: ReadonlySet<string>,
    tables: NormalizerTables = QuestionNormalizer.tables(lexicon, vocabulary, core),
  ) {
    this.#phrases = tables.phrases
    this.#wordPhrases = tables.wordPhrases
    this.#stems = new Set(tables.stems)
    this.#coreStems = new Set(tables.coreStems)
    this.#distinct = new Set(tables.distinct)
    this.#generic = new Set(tables.generic)
    this.#byLength = new Map(tables.byLength)
    this.#synonymsByLength = new Map(tables.synonymsByLength)
    this.#synonymsByStem = new Map(tables.synonymsByStem)
  }

  /**
   * Everything the normalizer derives from its word lists and the lexicon, as plain data.
   * `extraPhrases`: CJK phrase → English replacements beyond the lexicon's, e.g. entity aliases;
   * `nearWords`: extra words a typo one edit away is corrected to, e.g. the facts' quantity words ("dollars").
   */
  static tables(lexicon: Lexicon, vocabulary: Iterable<string>, core: Iterable<string>, extraPhrases: Record<string, string> = {}, nearWords: readonly string[] = []): NormalizerTables {
    const coreWords = [...core]
    const synonymsByStem = new Map<string, string>()
    for (const [from, to] of Object.entries(lexicon.synonyms)) if (!synonymsByStem.has(stem(from))) synonymsByStem.set(stem(from), fold(to))
    return {
      phrases: Object.entries({ ...lexicon.phrases, ...extraPhrases })
        .filter(([from]) => CJK.test(from))
        .map(([from, to]): [string, string] => [fold(from), fold(to)])
        .sort((a, b) => b[0].length - a[0].length),
      wordPhrases: Object.entries(lexicon.phrases)
        .filter(([from]) => !CJK.test(from) && words(from).length > 1)
        .map(([from, to]): [string[], string[]] => [words(from), words(to)])
        .sort((a, b) => b[0].length - a[0].length),
      stems: [...new Set([...vocabulary].map(stem))],
      coreStems: [...new Set(coreWords.map(stem))],
      distinct: lexicon.distinct.map((w) => fold(w)),
      generic: lexicon.generic.map((w) => fold(w)),
      // Never towards a stop word: "white" is not a typo of "while".
      byLength: byLength([...coreWords.filter((w) => !isStopword(w)), ...QUESTION_WORDS]),
      synonymsByLength: byLength([...Object.keys(lexicon.synonyms), ...[...lexicon.measures, ...lexicon.generic, ...nearWords].filter((m) => !/\s/.test(m))]),
      synonymsByStem: [...synonymsByStem],
    }
  }

  normalize(question: string): NormalizedQuestion {
    // "# of clusters" counts; "i.e." and "e.g." are punctuation.
    const folded = [...fold(question)]
      .map((ch) => this.lexicon.characters.map[ch] ?? ch)
      .join('')
      // (Markdown's "###" is not a number sign.)
      .replace(/#{2,}/g, ' ')
      .replace(/#\s*(?:of\b)?\s*(?=\p{L})/gu, 'number of ')
      .replace(/\b(?:i\.e|e\.g)\b\.?/g, ' ')
      .replace(AMOUNT, amountWords)
      // "$ figure?": a dollar sign without an amount names the currency.
      .replace(/\$/g, ' dollar ')
      // Shorthand: "Y/N", "non-ferrous + bldg-mats".
      .replace(/\by\s*\/\s*n\b/g, ' yes or no ')
      // "5 traditional + 9 emerging = ?": a sum asked for.
      .replace(/^([^=?]*(?:\d|\s\+\s)[^=?]*)=\s*\?/, (_, sum: string) => `what is ${sum.replace(/\s\+\s/g, ' plus ').trim()}?`)
      .replace(/\s\+\s/g, ' and ')
      // "strategic emerging inds no.?": the number of what comes before; "does it match the headline no.?": that number ("yes or no." is neither).
      .replace(/(^|[?.!;:]\s*)([^?.!;:]*\p{L})[\s,-]+no\.\s*\?*\s*$/u, (all, lead: string, what: string) =>
        /\bor$/.test(what) ? all : `${lead}${ASKS_ITSELF.test(what) ? `${what} number` : `number of ${what}`}?`,
      )
      // "project-wise" is about projects.
      .replace(/(?<=\p{L})-wise\b/gu, '')
    const language = CJK.test(folded) ? 'zh' : 'en'
    const corrections: string[] = []
    const out: string[] = []
    // The word as written for each word of `out` ("goods" for "sectors"), so a phrase may be matched as written too.
    const written: string[] = []
    // "100bn" is a number and a unit.
    const tokens = words(language === 'zh' ? this.#translate(folded) : folded).flatMap((t) => /^\d+[a-z]+$/.exec(t) ? t.split(/(?<=\d)(?=[a-z])/) : [t])
    for (let i = 0; i < tokens.length; i++) {
      let word = tokens[i]!
      // A name written in two parts ("Jin Zhong", "Wen Xi") is the one word the documents use.
      const joined = word + (tokens[i + 1] ?? '')
      if (i + 1 < tokens.length && this.core.has(joined) && !(this.core.has(word) && this.core.has(tokens[i + 1]!))) {
        corrections.push(`${word} ${tokens[i + 1]} → ${joined}`)
        word = joined
        i++
      }
      const fixed = this.#repair(word).split(' ')
      if (fixed.join(' ') !== word) corrections.push(`${word} → ${fixed.join(' ')}`)
      out.push(...fixed)
      written.push(...fixed.map((w, k) => (k ? w : word)))
    }
    return { language, words: this.#wordPhrases.length ? this.#rephrase(out, written, corrections) : out, corrections }
  }

  /** True for a word the lexicon lists as distinct from every known one: another province or city. */
  isDistinct(word: string): boolean {
    return this.#distinct.has(word)
  }

  /** True when the word, or its stem, is in the vocabulary. */
  knows(word: string): boolean {
    return this.vocabulary.has(word) || this.#stems.has(stem(word))
  }

  /** Longest-match replacement of the lexicon's English phrases, word by word, after typo repair. */
  #rephrase(input: string[], written: string[], corrections: string[]): string[] {
    const out: string[] = []
    for (let i = 0; i < input.length; ) {
      const hit = this.#wordPhrases.find(([from]) => from.every((w, k) => input[i + k] === w || written[i + k] === w))
      if (hit) {
        corrections.push(`${hit[0].join(' ')} → ${hit[1].join(' ')}`)
        out.push(...hit[1])
        i += hit[0].length
      } else {
        out.push(input[i]!)
        i++
      }
    }
    return out
  }

  /** Longest-match replacement of known Chinese phrases; unknown characters stay as they are. */
  #translate(text: string): string {
    let out = ''
    for (let i = 0; i < text.length; ) {
      const startsPhrase = CJK.test(text[i]!) || (/\d/.test(text[i]!) && !/\d/.test(text[i - 1] ?? ''))
      const hit = startsPhrase ? this.#phrases.find(([from]) => text.startsWith(from, i)) : undefined
      if (hit) {
        out += ` ${hit[1]} `
        i += hit[0].length
      } else {
        out += text[i]
        i++
      }
    }
    return out
  }

  readonly #repaired = new Map<string, string>()

  /** `#fix`, memoized (bounded): the normalizer never changes after construction. */
  #repair(word: string): string {
    let fixed = this.#repaired.get(word)
    if (fixed === undefined) {
      if (this.#repaired.size >= 50_000) this.#repaired.clear()
      fixed = this.#fix(word)
      this.#repaired.set(word, fixed)
    }
    return fixed
  }

  #fix(word: string): string {
    const { synonyms, spelling } = this.lexicon
    if (synonyms[word]) return fold(synonyms[word])
    if (this.core.has(word) || isStopword(word) || CJK.test(word) || /\d/.test(word) || this.#distinct.has(word)) return word
    if (this.knows(word)) {
      // A word the lexicon lists as generic ("right") is a word of its own, not a misspelt corpus word ("light").
      if (this.#generic.has(word)) return word
      const near = this.#nearest(word)
      // (Or a misspelling the stemmer happens to forgive, "industris", "valu": the word as the documents spell it.)
      const misspelt = near !== undefined && !this.vocabulary.has(word) && stem(near) === stem(word) && osaDistance(word, near, 1) === 1 && !/s$/.test(word) === !/s$/.test(near)
      return near && (this.#isCloseVariant(word, near) || misspelt) ? near : word
    }
    const british = spelling.words[word]
    if (british) return british
    const respelt = this.#respelt(word)
    if (respelt) return respelt
    // An inflected synonym ("lengthening" for "lengthen"), then a known word inside a derived one ("makers", "newer").
    const byStem = this.#synonymsByStem.get(stem(word))
    if (byStem) return byStem
    const base = derivedFrom(word).find((b) => this.knows(b))
    if (base) return base
    // A corpus word one edit away first ("parcs" → "parks", not "parts"), then a synonym or lexicon word, then two edits.
    const close = word.length >= 5 ? this.#nearest(word, this.#byLength, 1) : undefined
    if (close) return close
    const synonym = word.length >= 5 ? this.#nearest(word, this.#synonymsByLength, 1) : undefined
    if (synonym) return synonyms[synonym] ? fold(synonyms[synonym]) : synonym
    return this.#nearest(word) ?? word
  }

  /** A known word by the lexicon's suffix spellings ("citys" → "cities"), also with a letter typed twice ("cittys"). */
  #respelt(word: string): string | undefined {
    const bySuffix = (w: string) => {
      for (const [from, to] of this.lexicon.spelling.suffixes) {
        const candidate = w.endsWith(from) ? w.slice(0, w.length - from.length) + to : undefined
        if (candidate && this.vocabulary.has(candidate)) return candidate
      }
      return undefined
    }
    const found = bySuffix(word)
    if (found) return found
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) continue
      const single = word.slice(0, i) + word.slice(i + 1)
      const candidate = this.vocabulary.has(single) ? single : bySuffix(single)
      if (candidate) return candidate
    }
    return undefined
  }

  /** A known word with two neighbours swapped ("mnay" → "many"), or one letter missing inside or at the end ("stel" → "steel", "wher" → "where"). */
  #swapped(word: string): string | undefined {
    for (let i = 0; i + 1 < word.length; i++) {
      const candidate = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
      if (candidate !== word && this.vocabulary.has(candidate)) return candidate
    }
    const inserted = (this.#byLength.get(word.length + 1) ?? []).filter(
      (c) => c[0] === word[0] && (c.at(-1) === word.at(-1) || c.startsWith(word)) && osaDistance(word, c, 1) === 1,
    )
    return inserted.length === 1 ? inserted[0] : undefined
  }

  /** A generic word one edit away from a core word of the same length class ("cites" → "cities"). */
  #isCloseVariant(word: string, near: string): boolean {
    return !this.core.has(word) && stem(near) !== stem(word) && osaDistance(word, near, 1) === 1 && !this.#coreStems.has(stem(word))
  }

  /** The unique closest known word within 1 edit (2 from seven letters on; only swapped letters for four), or undefined. */
  #nearest(word: string, byLength = this.#byLength, maxEdits = 2): string | undefined {
    if (word.length === 4) return this.#swapped(word) ?? oneOf(SHORT_QUESTION_WORDS.filter((q) => q[0] === word[0] && osaDistance(word, q, 1) === 1))
    if (word.length < 5) return undefined
    // A doubled letter in a known word or a short question word ("citty", "manny").
    const undoubled = [...word].map((c, i) => (i > 0 && c === word[i - 1] ? word.slice(0, i) + word.slice(i + 1) : '')).find((w) => w && (this.vocabulary.has(w) || SHORT_QUESTION_WORDS.includes(w)))
    if (undoubled) return undoubled
    const max = Math.min(maxEdits, word.length >= 7 ? 2 : 1)
    let closest: string[] = []
    let bestDistance = max + 1
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of byLength.get(len) ?? []) {
        const d = osaDistance(word, candidate, max)
        if (d > max) continue
        if (d < bestDistance) [closest, bestDistance] = [[candidate], d]
        else if (d === bestDistance) closest.push(candidate)
      }
    }
    // A tie goes to the one candidate that keeps the first letter, which typos rarely change ("datung": datong, not tatung),
    // or, between forms of one word ("mentiond": mention, mentioned), to the one that keeps the last letter.
    const best = closest.length === 1 ? closest[0] : (oneOf(closest.filter((c) => c[0] === word[0])) ?? formOfOneWord(closest, word))
    // Two edits that also change the last letter turn one real word into another ("director" → "direction").
    if (bestDistance === 2 && best?.at(-1) !== word.at(-1)) return undefined
    return best
  }
}

/** The distinct words of five letters or more (no digits, no Chinese), by length. */
function byLength(words: Iterable<string>): Array<[number, string[]]> {
  const table = new Map<number, string[]>()
  for (const w of new Set(words)) {
    if (w.length < 5 || CJK.test(w) || /\d/.test(w)) continue
    const list = table.get(w.length) ?? []
    list.push(w)
    table.set(w.length, list)
  }
  return [...table]
}

/** Words a derived word may come from: a maker or a newer thing from "make" and "new", "rapidly" from "rapid", "projectwise" from "project". */
function derivedFrom(word: string): string[] {
  const m = /^(.{3,}?)(ers|er|rs|r|ly|ily|ness|wise)$/.exec(word)
  if (!m) return []
  const [, root, suffix] = m as unknown as [string, string, string]
  if (suffix === 'ily') return [`${root}y`]
  if (suffix === 'rs' || suffix === 'r') return root.endsWith('e') ? [root] : []
  return [root, `${root}e`]
}

/** Among candidates that are all forms of one word, the one ending as `word` does (else the first); undefined for different words. */
function formOfOneWord(candidates: readonly string[], word: string): string | undefined {
  if (candidates.length === 0 || new Set(candidates.map(stem)).size > 1) return undefined
  return candidates.find((c) => c.at(-1) === word.at(-1)) ?? candidates[0]
}

/** The only candidate, or undefined when there are none or several. */
const oneOf = (candidates: readonly string[]): string | undefined => (candidates.length === 1 ? candidates[0] : undefined)
