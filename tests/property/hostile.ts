import fc from 'fast-check'

/** One generated attack: a body (as bytes), its content type, and a string to use in query strings. */
export interface Hostile {
  body: Uint8Array
  contentType: string | undefined
  text: string
  /** Raw, possibly invalid, percent-encoded bytes for a query parameter. */
  query: string
}

const encoder = new TextEncoder()
const CONTROL = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\u202e']

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const controlChar = fc.constantFrom(...CONTROL)

/** Strings people should not send: control characters, lone surrogates, huge, or question-like words from the corpus. */
export function hostileString(vocabulary: readonly string[]): fc.Arbitrary<string> {
  const words = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))
  return fc.oneof(
    { weight: 4, arbitrary: words },
    { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(controlChar, loneSurrogate, fc.constantFrom(...vocabulary)), { maxLength: 20 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom('x', 'é', '山', '😀', ' ', '\u0000')).map(([n, ch]) => ch.repeat(n)) },
    { weight: 1, arbitrary: fc.tuple(words, loneSurrogate, controlChar).map(([w, s, c]) => `${c}${w}${s}`) },
  )
}

const deepNesting = fc.tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom('[', '{"question":', '{"history":[')).map(([depth, open]) => {
  const close = open === '[' ? ']' : open.startsWith('{"history"') ? ']}' : '}'
  return `${open.repeat(depth)}1${close.repeat(depth)}`
})

/** JSON bodies of every shape: random values, wrong types, near-valid requests, deep nesting, truncation. */
function hostileJson(strings: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const turn = fc.record({ role: fc.oneof(fc.constantFrom('user', 'assistant', 'system'), fc.anything()), content: fc.oneof(strings, fc.anything()) })
  const validTurn = fc.record({ role: fc.constantFrom('user', 'assistant'), content: strings.map((s) => s.slice(0, 4000)) })
  const nearValid = fc.record(
    {
      question: fc.oneof({ weight: 6, arbitrary: strings }, { weight: 1, arbitrary: fc.anything() }),
      history: fc.oneof({ weight: 3, arbitrary: fc.array(validTurn, { maxLength: 4 }) }, { weight: 2, arbitrary: fc.array(turn, { maxLength: 25 }) }, { weight: 1, arbitrary: fc.anything() }),
      extra: fc.anything(),
    },
    { requiredKeys: ['question'] },
  )
  return fc.oneof(
    { weight: 6, arbitrary: nearValid.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.tuple(nearValid, fc.nat()).map(([v, cut]) => { const s = JSON.stringify(v); return s.slice(0, cut % (s.length + 1)) }) },
  )
}

const withInvalidUtf8 = (json: string, bytes: Uint8Array): Uint8Array => {
  const at = json.indexOf('"question":"')
  const head = encoder.encode(at >= 0 ? json.slice(0, at + 12) : json)
  const tail = encoder.encode(at >= 0 ? json.slice(at + 12) : '')
  return Uint8Array.from([...head, ...bytes, ...tail])
}

const badBytes = fc.uint8Array({ minLength: 1, maxLength: 24 }).map((b) => Uint8Array.from([0xff, 0xc0, ...b, 0xed, 0xa0, 0x80]))

const percent = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')

/** The generator every route is attacked with. */
export function hostile(vocabulary: readonly string[]): fc.Arbitrary<Hostile> {
  const strings = hostileString(vocabulary)
  const json = hostileJson(strings)
  const body = fc.oneof(
    { weight: 8, arbitrary: json.map((s) => encoder.encode(s)) },
    { weight: 1, arbitrary: fc.tuple(json, badBytes).map(([s, b]) => withInvalidUtf8(s, b)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  )
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'application/vnd.api+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )
  const query = fc.oneof(
    { weight: 6, arbitrary: strings.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))) },
    { weight: 2, arbitrary: fc.tuple(strings, badBytes).map(([s, b]) => percent(Uint8Array.from([...encoder.encode(s), ...b]))) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => s.replace(/[#&\s]/g, '').replace(/[\ud800-\udfff]/g, '') + '%') },
    { weight: 1, arbitrary: fc.constantFrom('', '%', '%zz', '%E4%B8', '%00', '%C0%AE%C0%AE') },
  )
  return fc.record({ body, contentType, text: strings, query })
}
