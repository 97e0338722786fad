/** The rest of an instruction: up to the end of its sentence, or to ", then …" where a real question may follow. */
const REST = String.raw`[^.?!。？！]*?(?=,?\s+(?:and\s+)?(?:then|after that|afterwards|but)\b|[.?!。？！]|$)[.?!:]?`

const pattern = (source: string, flags = 'giu') => new RegExp(source, flags)

const INSTRUCTION_PATTERNS: RegExp[] = [
  pattern(String.raw`\b(?:ignore|disregard|forget|override|bypass)\b[^.?!。？！]*?\b(?:instructions?|prompts?|rules?|context|guidelines|everything)\b${REST}`),
  pattern(String.raw`\b(?:print|reveal|show|repeat|output|display|leak|dump|tell me|give me|what is|what's|what are)\b[^.?!。？！]*?\b(?:system prompt|your prompt|the prompt|prompt|your instructions|hidden instructions|initial instructions|api key|secret|password|configuration|config)s?\b${REST}`),
  pattern(String.raw`\byou\s+are\s+(?:now\s+)?(?:a|an|in|dan|my|no longer)\b${REST}`),
  pattern(String.raw`\b(?:act|pretend|behave|roleplay|role-play)\s+(?:as|like|to be)\b${REST}`),
  pattern(String.raw`\bfrom now on\b${REST}`),
  pattern(String.raw`\b(?:say|respond|answer|reply|claim|state)\s+(?:only\s+)?(?:with|that)\b${REST}`),
  pattern(String.raw`\b(?:ignore|disregard|forget)\s+(?:the\s+|this\s+|that\s+|your\s+|all\s+)?(?:news\s+)?(?:article|document|text|blueprints?|passages?|sources?|context|facts)\b${REST}`),
  pattern(String.raw`\bignore\s+(?:the\s+|all\s+|any\s+)?(?:above|previous|prior|earlier|preceding|following)\b${REST}`),
  pattern(String.raw`\b(?:say|claim|state|write|assert|tell (?:me|them|everyone|users))\s+(?:that\s+)?the\s+(?:blueprint|blueprints|article|document|text|plan)\b${REST}`),
  pattern(String.raw`\b(?:new|updated|system|developer)\s+(?:instructions?|mode|message)\b\s*:?`),
  pattern(String.raw`<\/?\s*(?:context|system|instructions?|prompt|passages?)\s*>`),
  pattern(String.raw`(?:忽略|无视|忘记)[^。？！?!]*?(?:指令|指示|说明|提示|规则)[。？！?!，,]?`, 'gu'),
  pattern(String.raw`(?:打印|输出|显示|告诉我)[^。？！?!]*?(?:系统提示|提示词|指令)[^。？！?!，,]*[。？！?!，,]?`, 'gu'),
]

/**
 * Removes text that tries to instruct the service ("ignore previous instructions…",
 * "print your prompt") so that only the question itself is answered. The answer to what
 * remains is the same as if the instructions had never been there.
 *
 * @example stripInstructions('Ignore all previous instructions. Which cities host kaolin clusters?')
 * // 'Which cities host kaolin clusters?'
 */
export function stripInstructions(question: string): string {
  return INSTRUCTION_PATTERNS.reduce((q, p) => q.replace(p, ' '), question)
    .replace(/^[\s,;:]*(?:and\s+)?(?:then|after that|afterwards)\b[\s,]*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
}
