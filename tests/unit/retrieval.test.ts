import { describe, expect, it } from 'vitest'
import { Bm25 } from '../../src/core/bm25.js'
import { rrf } from '../../src/core/fusion.js'
import { clampK } from '../../src/core/retriever.js'
import { terms } from '../../src/core/text.js'
import { parseConfig } from '../../src/config.js'
import { loadNodeServices } from '../../src/node/services.js'

describe('text terms', () => {
  it('folds, drops stop words and stems', () => {
    expect(terms('The Steel industries of Lüliang')).toEqual(['steel', 'industri', 'luliang'])
  })

  it('keeps Chinese characters and their bigrams', () => {
    expect(terms('晋城陶瓷')).toEqual(['晋', '城', '晋城', '陶', '城陶', '瓷', '陶瓷'])
  })
})

describe('Bm25', () => {
  const bm25 = Bm25.build(['steel steel clusters', 'coking base', 'steel industry and coking'])

  it('ranks the text with more matching terms first', () => {
    expect(bm25.search('steel clusters', 3).map((s) => s.id)).toEqual([0, 2])
  })

  it('returns nothing for unseen terms', () => {
    expect(bm25.search('vinegar', 3)).toEqual([])
  })

  it('ranks the same after a round trip through JSON', () => {
    const restored = Bm25.from(JSON.parse(JSON.stringify(bm25.data)))
    for (const query of ['steel clusters', 'coking', 'industry base'])
      expect(restored.search(query, 3)).toEqual(bm25.search(query, 3))
  })
})

describe('rrf', () => {
  it('rewards items ranked well in both lists', () => {
    const fused = rrf([
      [{ id: 1, score: 3 }, { id: 2, score: 2 }],
      [{ id: 2, score: 0.9 }, { id: 3, score: 0.5 }],
    ])
    expect(fused[0]!.id).toBe(2)
    expect(fused.map((f) => f.id).sort()).toEqual([1, 2, 3])
  })
})

describe('clampK', () => {
  it('clamps into 1..50 and defaults when missing', () => {
    expect([clampK(0), clampK(-3), clampK(7.9), clampK(10_000), clampK(undefined), clampK(Number.NaN)]).toEqual([1, 1, 7, 50, 5, 5])
  })
})

describe('Retriever on the committed index', async () => {
  const { retriever, corpus } = await loadNodeServices(parseConfig({}))
  const top = async (q: string) => {
    const [best] = await retriever.search(q, 3)
    return corpus.text(best!.chunk.documentId, best!.chunk)
  }

  it.each([
    ['kaolin clusters', 'kaolin industrial clusters'],
    ['vinegar and liquor brands', 'liquor, vinegar'],
    ['aluminium magnesium industry chain', 'aluminum-magnesium'],
    ['Taiyuan stainless steel park', 'Taiyuan Stainless Steel Industrial Park'],
    ['strategic emerging industries', 'nine strategic emerging industries'],
  ])('puts the passage about "%s" first', async (query, expected) => {
    expect(await top(query)).toContain(expected)
  })

  it('ranks the kaolin sentence first among sentences', async () => {
    const [best] = await retriever.sentences('Where are kaolin clusters?', 3)
    expect(best!.text).toContain('kaolin industrial clusters in Xinzhou and Shuozhou')
  })

  it('returns passages whose offsets cut their text from the document', async () => {
    for (const p of await retriever.search('coking industry base', 10)) {
      expect(corpus.document(p.chunk.documentId)!.text.slice(p.chunk.start, p.chunk.end)).toBe(p.text)
    }
  })
})
