import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { faqQuestions } from '../../src/ingest/faq-questions.js'
import { loadNodeServices } from '../../src/node/services.js'
import { bundleWidget, WIDGET_GZIP_LIMIT } from '../../src/node/widget-bundle.js'
import { WIDGET_SCRIPT } from '../../src/widget/bundle.js'
import { quoteInParagraph } from '../../src/widget/quote.js'

describe('the widget bundle', () => {
  it('is current (npm run ingest rebuilt it from src/widget) and at most 20 KB gzipped', async () => {
    const fresh = await bundleWidget()
    console.log(`widget.js: ${(fresh.bytes / 1024).toFixed(1)} KiB, ${(fresh.gzipBytes / 1024).toFixed(1)} KiB gzipped (limit ${WIDGET_GZIP_LIMIT / 1024} KiB)`)
    expect(WIDGET_SCRIPT, 'src/widget/bundle.ts is stale: run npm run ingest').toBe(fresh.script)
    expect(fresh.gzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_LIMIT)
  })
})

describe('quoteInParagraph', () => {
  it('returns the quote with the rest of its paragraph, never crossing a blank line', () => {
    const text = 'Title\n\n\nFirst one. Second two. \n\nThird.'
    const start = text.indexOf('Second')
    const got = quoteInParagraph(text, start, start + 'Second two.'.length)
    expect(got).toEqual({ before: 'First one. ', quote: 'Second two.', after: '' })
    expect(quoteInParagraph(text, text.indexOf('Third'), text.length)).toEqual({ before: '', quote: 'Third.', after: '' })
    expect(quoteInParagraph(text, 0, 5)).toEqual({ before: '', quote: 'Title', after: '' })
  })
})

describe('faqQuestions', () => {
  it('asks about every cluster location in the facts and expects every city named', async () => {
    const { facts } = await loadNodeServices(parseConfig({}))
    const graph = facts['shanxi-2020-industrial-blueprints']!
    const questions = faqQuestions(graph)
    const locations = graph.facts.filter((f) => f.relation === 'located-in')
    expect(questions.filter((q) => q.relation === 'located-in')).toHaveLength(locations.length)
    const kaolin = questions.find((q) => q.question === 'Which cities host the kaolin industrial clusters?')
    expect(kaolin?.expect).toEqual(['Xinzhou', 'Shuozhou'])
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length)
  })
})
