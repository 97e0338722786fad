import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/core/sentences.js'

const article = readFileSync('corpus/shanxi-2020-industrial-blueprints.txt', 'utf8')
const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end))

describe('splitSentences', () => {
  it('returns spans whose slices are the trimmed sentences', () => {
    for (const s of splitSentences(article)) {
      const slice = article.slice(s.start, s.end)
      expect(slice).toBe(slice.trim())
      expect(slice.length).toBeGreaterThan(0)
    }
  })

  it('keeps $14.12 and the -- dash inside one sentence of the article', () => {
    const sentences = texts(article)
    const figures = sentences.find((s) => s.includes('$14.12'))!
    expect(figures.startsWith("North China's Shanxi province")).toBe(true)
    expect(figures.endsWith('Information Technology.')).toBe(true)
    expect(figures).toContain(' -- to comprehensively')
  })

  it('splits the article into its title and ten sentences', () => {
    const sentences = texts(article)
    expect(sentences[0]).toBe('Shanxi releases 2020 industrial development blueprints')
    expect(sentences).toHaveLength(10)
    expect(sentences.filter((s) => s.startsWith('In addition, industrial steel clusters'))).toHaveLength(1)
  })

  it('does not split after abbreviations, initials or decimals', () => {
    expect(texts('Dr. Li paid $14.12 to the U.S. Embassy. Then he left! J. Smith agreed -- sort of.')).toEqual([
      'Dr. Li paid $14.12 to the U.S. Embassy.',
      'Then he left!',
      'J. Smith agreed -- sort of.',
    ])
  })

  it('treats blank lines as sentence ends and records paragraphs', () => {
    const spans = splitSentences('Heading\n\nFirst one. Second one.\n\n\nThird')
    expect(spans.map((s) => s.paragraph)).toEqual([0, 1, 1, 2])
  })

  it('splits Chinese sentences on full-width stops', () => {
    expect(texts('山西发布蓝图。发展十四个产业！')).toEqual(['山西发布蓝图。', '发展十四个产业！'])
  })

  it('does not split before a lower-case continuation', () => {
    expect(texts('Output rose approx. by half. Next.')).toEqual(['Output rose approx. by half.', 'Next.'])
    expect(texts('It grew 3.5 percent vs. last year.')).toEqual(['It grew 3.5 percent vs. last year.'])
  })
})
