import { words } from '../core/text.js'
import { fnv1a } from './hash.js'
import { BIGRAM_WEIGHT, LOCAL_EMBEDDER_ID, LocalEmbeddings, normalize, TRIGRAM_WEIGHT, WORD_WEIGHT, wordFeatures } from './local.js'

/** A corpus word with its features as dense feature ids; `index` numbers distinct words. */
interface Word {
  index: number
  stemmed: string
  id: number
  trigrams: Int32Array
}

/**
 * Feature ids of one corpus, dense and in order of first sight, so per-text accumulation runs on
 * typed arrays instead of maps. Texts are tokenized once, into word indexes (-1 for a stop word).
 */
class FeatureSpace {
  readonly hashes: number[] = []
  readonly #ids = new Map<number, number>()
  readonly #words = new Map<string, Word | null>()
  readonly #wordList: Word[] = []
  readonly #bigrams = new Map<number, number>()

  id(hash: number): number {
    let id = this.#ids.get(hash)
    if (id === undefined) this.#ids.set(hash, (id = this.hashes.push(hash) - 1))
    return id
  }

  tokens(text: string): Int32Array {
    const list = words(text)
    const out = new Int32Array(list.length)
    for (let i = 0; i < list.length; i++) out[i] = this.#word(list[i]!)?.index ?? -1
    return out
  }

  #word(token: string): Word | null {
    let word = this.#words.get(token)
    if (word !== undefined) return word
    const f = wordFeatures(token)
    word = f && { index: this.#wordList.length, stemmed: f.stemmed, id: this.id(f.word), trigrams: Int32Array.from(f.trigrams, (h) => this.id(h)) }
    if (word) this.#wordList.push(word)
    this.#words.set(token, word)
    return word
  }

  /**
   * Calls `add(featureId, weight)` for every feature of a tokenized text, in the order of
   * `features()` in local.ts: each word, the bigram with the previous word, the word's trigrams.
   */
  replay(tokens: Int32Array, add: (id: number, weight: number) => void): void {
    let previous: Word | undefined
    for (const index of tokens) {
      const word = index < 0 ? undefined : this.#wordList[index]!
      if (!word) {
        previous = undefined
        continue
      }
      add(word.id, WORD_WEIGHT)
      if (previous) add(this.#bigram(previous, word), BIGRAM_WEIGHT)
      previous = word
      for (const id of word.trigrams) add(id, TRIGRAM_WEIGHT)
    }
  }

  #bigram(a: Word, b: Word): number {
    const key = a.index * 0x4000000 + b.index
    let id = this.#bigrams.get(key)
    if (id === undefined) this.#bigrams.set(key, (id = this.id(fnv1a(`b:${a.stemmed} ${b.stemmed}`))))
    return id
  }
}

/** Sums feature weights of one text at a time into typed arrays indexed by feature id. */
class Accumulator {
  tf = new Float64Array(1024)
  stamp = new Int32Array(1024)
  order = new Int32Array(1024)
  count = 0
  #text = 0

  start(): void {
    this.#text++
    this.count = 0
  }

  readonly add = (id: number, weight: number): void => {
    if (id >= this.tf.length) this.#grow(id)
    if (this.stamp[id] !== this.#text) {
      this.stamp[id] = this.#text
      this.tf[id] = weight
      if (this.count === this.order.length) this.order = grow(this.order, this.count * 2)
      this.order[this.count++] = id
    } else {
      this.tf[id]! += weight
    }
  }

  #grow(id: number): void {
    const size = Math.max(id + 1, this.tf.length * 2)
    this.tf = grow(this.tf, size)
    this.stamp = grow(this.stamp, size)
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size)
  out.set(array)
  return out
}

export interface FittedLocal {
  embedder: LocalEmbeddings
  /** One unit vector per text, packed; the same bytes as `embedder.embed(text)` for each text. */
  vectors: Float32Array
}

/**
 * Learns document frequencies from `texts` and embeds them, hashing each text's features once
 * (`LocalEmbeddings.fit` followed by `embed` per text hashes them twice). Same output bytes.
 *
 * @example
 * const { embedder, vectors } = fitLocalEmbeddings(chunkTexts, 512)
 */
export function fitLocalEmbeddings(texts: readonly string[], dimensions = 512, onProgress?: (done: number, total: number) => void): FittedLocal {
  const space = new FeatureSpace()
  const tokens = texts.map((text) => space.tokens(text))
  const acc = new Accumulator()
  let df = new Int32Array(1024)
  for (const list of tokens) {
    acc.start()
    space.replay(list, acc.add)
    if (space.hashes.length > df.length) df = grow(df, space.hashes.length * 2)
    for (let i = 0; i < acc.count; i++) df[acc.order[i]!]!++
  }
  const features = space.hashes.length
  const idf = new Float64Array(features)
  const bucket = new Int32Array(features)
  const sign = new Int8Array(features)
  for (let id = 0; id < features; id++) {
    const h = space.hashes[id]!
    idf[id] = Math.log((texts.length + 1) / (df[id]! + 1)) + 1
    bucket[id] = h % dimensions
    sign[id] = (h >>> 16) & 1 ? -1 : 1
  }
  const vectors = new Float32Array(texts.length * dimensions)
  const step = Math.max(1, Math.ceil(texts.length / 100))
  tokens.forEach((list, t) => {
    acc.start()
    space.replay(list, acc.add)
    const vector = vectors.subarray(t * dimensions, (t + 1) * dimensions)
    for (let i = 0; i < acc.count; i++) {
      const id = acc.order[i]!
      vector[bucket[id]!]! += sign[id]! * Math.log1p(acc.tf[id]!) * idf[id]!
    }
    normalize(vector)
    if (onProgress && ((t + 1) % step === 0 || t + 1 === texts.length)) onProgress(t + 1, texts.length)
  })
  const sorted = space.hashes.map((h, id): [number, number] => [h, df[id]!]).sort((a, b) => a[0] - b[0])
  return { embedder: new LocalEmbeddings({ id: LOCAL_EMBEDDER_ID, dimensions, documents: texts.length, df: sorted }), vectors }
}
