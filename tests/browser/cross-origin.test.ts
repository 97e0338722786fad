import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../helpers/browser.js'
import { startServer } from '../helpers/server.js'

/** A plain page on its own port (so another origin) that embeds the widget with the two documented lines. */
async function hostPage(widgetOrigin: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Someone else's site</title>
<script src="${widgetOrigin}/widget.js" defer></script></head>
<body><h1>Our news site</h1><blueprint-faq title="Questions about Shanxi" placeholder="Type here"></blueprint-faq></body></html>`
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

let browser: TestBrowser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the widget embedded on a page from another origin', () => {
  it('loads the FAQ, streams an answer and opens a footnote from the service origin', async () => {
    const service = await startServer()
    const host = await hostPage(service.url)
    try {
      const page = await browser.page()
      const paths: string[] = []
      page.on('request', (r) => new URL(r.url()).origin === service.url && paths.push(`${r.method()} ${new URL(r.url()).pathname}`))
      await page.goto(host.url)
      expect(new URL(page.url()).origin).not.toBe(service.url)
      await page.locator('button.q').first().waitFor()
      expect(await page.locator('blueprint-faq h2').textContent()).toBe('Questions about Shanxi')
      expect(await page.locator('input[name=question]').getAttribute('placeholder')).toBe('Type here')
      await page.locator('input[name=question]').fill('Which cities host kaolin clusters?')
      await page.locator('input[name=question]').press('Enter')
      await page.locator('.result[data-state="answered"] button.fn').first().click()
      await page.locator('.result mark').waitFor()
      expect(await page.locator('.result .text').textContent()).toMatch(/Xinzhou/)
      expect(paths).toEqual(expect.arrayContaining(['GET /widget.js', 'GET /faq.json', 'POST /ask/stream', 'GET /documents/shanxi-2020-industrial-blueprints']))
      expect(paths).not.toContain('POST /ask')
      await page.close()
    } finally {
      await Promise.all([host.close(), service.close()])
    }
  })

  it('is refused by the browser when ALLOWED_ORIGINS does not list the page origin, and shows the error state', async () => {
    const service = await startServer({ ALLOWED_ORIGINS: 'https://only.example' })
    const host = await hostPage(service.url)
    try {
      const page = await browser.page()
      await page.goto(host.url)
      await page.locator('blueprint-faq button.retry').waitFor()
      expect(await page.locator('blueprint-faq [role=alert]').textContent()).toMatch(/could not be loaded/)
      await page.locator('input[name=question]').fill('Which cities host kaolin clusters?')
      await page.locator('input[name=question]').press('Enter')
      await page.locator('.result[data-state="error"]').waitFor()
      expect(await page.locator('.result button.retry').textContent()).toBe('Try again')
      await page.close()
    } finally {
      await Promise.all([host.close(), service.close()])
    }
  })
})
