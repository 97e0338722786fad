const TERMINATOR = /[.!?。！？]/
const CLOSERS = /[.!?。！？"'”’)）]/
const MARKERS = /^(?:[ \t]*\[\d+(?:\s*,\s*\d+)*\])*/
const OPEN_TAIL = /^\s*(?:\[[\d,\s]*)?$/

/**
 * Splits answer text into sentences, each keeping the `[n]` markers that follow it. Unless `final`,
 * a trailing sentence that may still grow (or gain markers) is returned as `rest`.
 *
 * @example takeSentences('A [1]. B', false) // { sentences: ['A [1].'], rest: ' B' }
 */
export function takeSentences(text: string, final: boolean): { sentences: string[]; rest: string } {
  const sentences: string[] = []
  let start = 0
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch !== '\n' && !TERMINATOR.test(ch)) {
      i++
      continue
    }
    let j = i + 1
    if (ch !== '\n') while (j < text.length && CLOSERS.test(text[j]!)) j++
    const latin = /[.!?]/.test(ch)
    if (latin && j < text.length && !/[\s[]/.test(text[j]!)) {
      i = j
      continue
    }
    if (ch === '.' && /(?:^|[\s.])\p{Lu}$/u.test(text.slice(start, i))) {
      i = j
      continue
    }
    j += MARKERS.exec(text.slice(j))![0].length
    if (!final && OPEN_TAIL.test(text.slice(j))) break
    if (text.slice(start, j).trim()) sentences.push(text.slice(start, j))
    start = i = j
  }
  let rest = text.slice(start)
  if (final) {
    if (rest.trim()) sentences.push(rest)
    rest = ''
  }
  return { sentences, rest }
}
