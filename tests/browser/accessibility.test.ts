import { copyFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { imageStats, screenshotPath, useServerAndBrowser } from '../helpers/browser.js'

const running = useServerAndBrowser()

async function openLanding(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await running.browser.page({ colorScheme })
  await page.goto(`${running.server.url}/`)
  await page.locator('button.q').first().waitFor()
  return page
}

/** What has focus inside the widget's shadow root, and how its focus ring is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement
    const el = (host?.shadowRoot?.activeElement ?? host) as HTMLElement
    const style = getComputedStyle(el)
    const label = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim() ?? ''
    return { host: host?.tagName.toLowerCase(), label, className: el.className, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })

describe('keyboard use and theming of the widget in Chromium', () => {
  it('Tab visits every FAQ question, then the question box, then Ask, each with a visible focus ring', async () => {
    const page = await openLanding()
    const questions = running.server.services.faq.map((item) => item.question)
    const seen = []
    for (let i = 0; i < questions.length + 2; i++) {
      await page.keyboard.press('Tab')
      seen.push(await focused(page))
    }
    expect(seen.map((s) => s.host)).toEqual(seen.map(() => 'blueprint-faq'))
    expect(seen.map((s) => s.label)).toEqual([...questions, 'question', 'Ask'])
    for (const s of seen) {
      expect(s.outline, s.label).not.toBe('none')
      expect(s.width, s.label).toBeGreaterThanOrEqual(2)
    }
    const label = await page.locator('label').first().textContent()
    expect(label).toBe('Ask your own question')
    expect(await page.getByLabel('Ask your own question').getAttribute('name')).toBe('question')
    await page.close()
  })

  it('the keyboard alone opens a FAQ answer and its footnote, and Space closes the item again', async () => {
    const page = await openLanding()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const first = page.locator('button.q').first()
    expect(await first.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Tab')
    expect((await focused(page)).className).toBe('fn')
    await page.keyboard.press('Enter')
    await page.locator('.context mark').first().waitFor()
    expect((await focused(page)).className).toBe('context')
    expect(await page.locator('.context mark').first().textContent()).toBe(running.server.services.faq[0]!.citations[0]!.quote)
    await first.focus()
    await page.keyboard.press('Space')
    expect(await first.getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator(`[id="${await first.getAttribute('aria-controls')}"]`).isHidden()).toBe(true)
    await page.close()
  })

  it('light and dark screenshots are not blank, and dark mode is darker', async () => {
    const stats: Record<string, Awaited<ReturnType<typeof imageStats>>> = {}
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openLanding(scheme)
      await page.locator('button.q').first().click()
      await page.locator('input[name=question]').fill('Which cities host kaolin clusters?')
      await page.locator('input[name=question]').press('Enter')
      await page.locator('.result[data-state="answered"] button.fn').first().click()
      await page.locator('.result mark').waitFor()
      const path = await screenshotPath(`widget-${scheme}.png`)
      const png = await page.locator('blueprint-faq').screenshot({ path })
      stats[scheme] = await imageStats(page, png)
      if (scheme === 'light') await copyFile(path, await screenshotPath('widget.png'))
      await page.close()
    }
    console.log(`screenshots: ${JSON.stringify(stats)}`)
    for (const s of Object.values(stats)) {
      expect(s.width).toBeGreaterThan(300)
      expect(s.colours).toBeGreaterThan(50)
    }
    expect(stats.dark!.luminance).toBeLessThan(stats.light!.luminance - 50)
  })
})
