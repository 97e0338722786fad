import { stemmer } from 'stemmer'

/** English function words, and what contractions leave of a word once split ("that's" → "that s", "we'll"). */
const STOPWORDS = new Set(
  `a an and are as at be been but by can could did do does for from had has have how i if in into is it its
  me my of on or our so than that the their them then there these they this those to was we were what when
  where which while who whom why will with would you your about also any some such per via much many
  across among within between through during toward towards upon against onto
  s t d ll re ve m`.split(/\s+/),
)

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u

const ASCII = /^[\x00-\x7f]*$/

/** True when every character is ASCII: no diacritics to strip, no CJK, `\p{L}` is `[A-Za-z]`. */
export const isAscii = (text: string): boolean => ASCII.test(text)

/** Lower-cases, applies NFKC and strips Latin diacritics (Lüliang → luliang). */
export function fold(text: string): string {
  // ASCII has nothing to decompose or strip; most questions and most of the corpus take this path.
  if (isAscii(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
}

/** Splits text into folded word tokens; CJK runs become single characters. */
export function words(text: string): string[] {
  const folded = fold(text)
  // For ASCII, `[\p{L}\p{N}]+` is `[a-z0-9]+` once folded, and there is no CJK to split.
  if (isAscii(folded)) return folded.match(/[a-z0-9]+/g) ?? []
  const out: string[] = []
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0]
    if (CJK.test(token)) {
      for (const part of token.split(/([\u3400-\u9fff\uf900-\ufaff])/u)) if (part) out.push(part)
    } else {
      out.push(token)
    }
  }
  return out
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word)
}

const STEM_CACHE_LIMIT = 100_000
const stems = new Map<string, string>()

/** Porter stem for Latin words, identity for everything else. Memoized (bounded): stemming is hot. */
export function stem(word: string): string {
  let out = stems.get(word)
  if (out === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear()
    out = /^[a-z]+$/.test(word) ? stemmer(word) : word
    stems.set(word, out)
  }
  return out
}

/** Fills the stem memo with stems computed earlier (at ingest), so start-up does not run the stemmer. */
export function primeStems(words: readonly string[], wordStems: readonly string[]): void {
  if (stems.size + words.length > STEM_CACHE_LIMIT) return
  words.forEach((word, i) => stems.set(word, wordStems[i]!))
}

/**
 * Content terms of a text: folded, stop words removed, stemmed.
 * CJK characters are kept and also paired into bigrams.
 *
 * @example terms('The steel industries') // ['steel', 'industri']
 */
export function terms(text: string): string[] {
  const out: string[] = []
  let previousCjk: string | undefined
  for (const word of words(text)) {
    if (CJK.test(word)) {
      out.push(word)
      if (previousCjk) out.push(previousCjk + word)
      previousCjk = word
      continue
    }
    previousCjk = undefined
    if (!isStopword(word)) out.push(stem(word))
  }
  return out
}
