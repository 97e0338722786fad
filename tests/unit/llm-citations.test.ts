import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { takeSentences } from '../../src/llm/answer-sentences.js'
import { locateQuote } from '../../src/llm/check-citations.js'

const text = readFileSync('corpus/shanxi-2020-industrial-blueprints.txt', 'utf8')

describe('takeSentences', () => {
  it('keeps the markers that follow a sentence with it and holds back a sentence that may still grow', () => {
    expect(takeSentences('Xinzhou hosts kaolin. [1] Shuozhou too [2]', false)).toEqual({ sentences: ['Xinzhou hosts kaolin. [1]'], rest: ' Shuozhou too [2]' })
    expect(takeSentences('Xinzhou hosts kaolin. [1] Shuozhou too [2]', true)).toEqual({ sentences: ['Xinzhou hosts kaolin. [1]', ' Shuozhou too [2]'], rest: '' })
  })

  it('waits while a marker after the full stop may still arrive', () => {
    expect(takeSentences('Xinzhou hosts kaolin. [', false)).toEqual({ sentences: [], rest: 'Xinzhou hosts kaolin. [' })
  })

  it('does not split decimals or initials, and splits Chinese sentences', () => {
    expect(takeSentences('Output tops $14.12 billion [1]. The U.S. is not named [2].', true).sentences).toEqual(['Output tops $14.12 billion [1].', ' The U.S. is not named [2].'])
    expect(takeSentences('忻州有高岭土[1]。朔州也有[1]。', true).sentences).toEqual(['忻州有高岭土[1]。', '朔州也有[1]。'])
  })
})

describe('locateQuote', () => {
  it('finds a verbatim quote, tolerating only different runs of whitespace', () => {
    const quote = 'kaolin industrial clusters in Xinzhou and Shuozhou cities'
    expect(locateQuote(text, quote)).toEqual({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length })
    expect(locateQuote(text, quote.replace(/ /g, '\n  '))).toEqual(locateQuote(text, quote))
    expect(locateQuote(text, 'kaolin industrial clusters in Beijing')).toBeUndefined()
    expect(locateQuote(text, 'steel')).toBeUndefined()
  })

  it('maps every excerpt of the document to offsets that cut out exactly that excerpt', () => {
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.integer({ min: 8, max: 300 }), (start, length) => {
        const quote = text.slice(start, start + length).trim()
        fc.pre(quote.length >= 8)
        const found = locateQuote(text, quote)!
        expect(text.slice(found.start, found.end)).toBe(quote)
      }),
    )
  })
})
