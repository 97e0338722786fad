import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/core/types.js'
import { useServerAndBrowser } from '../helpers/browser.js'
import { postJson } from '../helpers/server.js'

const running = useServerAndBrowser()

const answerFor = async (question: string) => (await (await postJson(`${running.server.url}/ask`, { question })).json()) as AskResponse

async function openLanding(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await running.browser.page(options)
  await page.goto(`${running.server.url}/`)
  await page.locator('button.q').first().waitFor()
  return page
}

async function ask(page: Page, question: string, state = 'answered') {
  await page.locator('input[name=question]').fill(question)
  await page.locator('input[name=question]').press('Enter')
  await page.locator(`.result[data-state="${state}"]`).waitFor()
}

describe('the landing page and the FAQ widget in Chromium', () => {
  it('get / hosts the widget without console errors; opening a FAQ item shows its answer and its citation', async () => {
    const page = await running.browser.page()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${running.server.url}/`)
    await page.locator('button.q').first().waitFor()
    const faq = running.server.services.faq
    expect(faq.length).toBeGreaterThanOrEqual(10)
    expect(await page.locator('button.q').allTextContents()).toEqual(faq.map((item) => item.question))
    const first = page.locator('button.q').first()
    expect(await first.getAttribute('aria-expanded')).toBe('false')
    await first.click()
    expect(await first.getAttribute('aria-expanded')).toBe('true')
    const region = page.locator(`[id="${await first.getAttribute('aria-controls')}"]`)
    expect(await region.getAttribute('role')).toBe('region')
    await region.locator('.text').waitFor()
    expect(await region.locator('.text').textContent()).toBe(faq[0]!.answer)
    expect(await region.locator('ol.sources q').allTextContents()).toEqual(faq[0]!.citations.map((c) => c.quote))
    expect(errors).toEqual([])
    await page.close()
  })

  it('a question submitted with Enter is streamed from /ask/stream and shown with footnotes', async () => {
    const question = 'Which cities host kaolin clusters?'
    const expected = await answerFor(question)
    const page = await openLanding()
    const paths: string[] = []
    page.on('request', (r) => r.method() === 'POST' && paths.push(new URL(r.url()).pathname))
    const streamed = page.waitForResponse((r) => r.url().endsWith('/ask/stream'))
    await ask(page, question)
    expect((await streamed).headers()['content-type']).toMatch(/text\/event-stream/)
    expect(paths).toEqual(['/ask/stream'])
    expect(await page.locator('.result .text').textContent()).toBe(expected.answer)
    expect(expected.answer).toMatch(/Xinzhou/)
    expect(await page.locator('.result button.fn').count()).toBeGreaterThanOrEqual(1)
    expect(await page.locator('.result').getAttribute('aria-live')).toBe('polite')
    await page.close()
  })

  it('activating a footnote highlights exactly the cited text inside its paragraph, fetching the document once', async () => {
    const question = 'What will the steel industry do?'
    const expected = await answerFor(question)
    expect(expected.citations.length).toBeGreaterThan(1)
    const page = await openLanding()
    let documentFetches = 0
    page.on('request', (r) => r.url().includes('/documents/') && documentFetches++)
    await ask(page, question)
    expect(await page.locator('.result button.fn').count()).toBe([...expected.answer.matchAll(/\[\d+\]/g)].length)
    for (const citation of expected.citations) {
      const footnote = page.locator(`.result button.fn[data-citation="${citation.id}"]`).first()
      await footnote.click()
      await page.locator('.result mark').waitFor()
      expect(await page.locator('.result mark').textContent()).toBe(citation.quote)
      const paragraph = (await page.locator('.result .context blockquote p').textContent()) ?? ''
      expect(paragraph.length).toBeGreaterThan(citation.quote.length)
      expect(paragraph).not.toMatch(/\n\s*\n/)
      expect(await footnote.getAttribute('aria-expanded')).toBe('true')
    }
    expect(documentFetches).toBe(1)
    await page.close()
  })

  it('a question the blueprint cannot answer shows the not-in-source state', async () => {
    const question = 'What is the population of Mars?'
    expect((await answerFor(question)).grounded).toBe(false)
    const page = await openLanding()
    await ask(page, question, 'not-in-source')
    expect(await page.locator('.result .not-in-source').textContent()).toBe("The blueprint doesn't say.")
    expect(await page.locator('.result button.fn').count()).toBe(0)
    await page.close()
  })

  it('a question containing an HTML tag is rendered as text and runs nothing', async () => {
    const payload = '<img src=x onerror=alert(1)>'
    const page = await openLanding()
    const dialogs: string[] = []
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
    await ask(page, `Which cities host ${payload} kaolin clusters?`)
    await ask(page, payload, 'not-in-source')
    expect(await page.locator('.result .asked q').textContent()).toBe(payload)
    expect(await page.locator('blueprint-faq img').count()).toBe(0)
    await page.waitForTimeout(200)
    expect(dialogs).toEqual([])
    await page.close()
  })

  it('falls back to POST /ask when the stream fails, and offers a retry after a 429', async () => {
    const page = await openLanding()
    await page.route('**/ask/stream', (route) => route.abort('failed'))
    const paths: string[] = []
    page.on('request', (r) => r.method() === 'POST' && paths.push(new URL(r.url()).pathname))
    await ask(page, 'Which cities host kaolin clusters?')
    expect(paths).toEqual(['/ask/stream', '/ask'])
    expect(await page.locator('.result .text').textContent()).toMatch(/Xinzhou/)

    const limited = { status: 429, contentType: 'application/json', body: JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }) }
    await page.route('**/ask/stream', (route) => route.fulfill(limited))
    await ask(page, 'How many industries does Shanxi plan to develop?', 'error')
    expect(await page.locator('.result [role=alert]').textContent()).toMatch(/Too many questions/)
    await page.unrouteAll()
    await page.locator('.result button.retry').click()
    await page.locator('.result[data-state="answered"]').waitFor()
    expect(await page.locator('.result .text').textContent()).toMatch(/14/)
    await page.close()
  })
})
