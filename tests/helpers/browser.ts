import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startServer, type RunningServer } from './server.js'

export const CHROMIUM = '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export interface TestBrowser {
  browser: Browser
  /** A fresh context (own cookies, cache and color scheme) with a page in it. */
  page(options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>
  close(): Promise<void>
}

/** Launches Debian's headless Chromium; playwright gives every launch a fresh temporary profile. One per test file. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 30_000 })
  const contexts: BrowserContext[] = []
  return {
    browser,
    async page(options = {}) {
      const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 900, height: 900 } })
      contexts.push(context)
      return context.newPage()
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})))
      await browser.close()
    },
  }
}

/**
 * The service on a real port and a browser, started before the file's tests and stopped after them.
 * The fields are set once `beforeAll` has run.
 */
export function useServerAndBrowser(): { server: RunningServer; browser: TestBrowser } {
  const running = {} as { server: RunningServer; browser: TestBrowser }
  beforeAll(async () => {
    ;[running.server, running.browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await Promise.all([running.browser?.close(), running.server?.close()])
  })
  return running
}

/** Where screenshots go: `test-results/` (gitignored; CI keeps it as an artifact). */
export async function screenshotPath(name: string): Promise<string> {
  await mkdir('test-results', { recursive: true })
  return join('test-results', name)
}

/**
 * Decodes a PNG in the browser and returns how many distinct colours it has and its mean luminance;
 * a blank capture has one colour.
 */
export async function imageStats(page: Page, png: Buffer): Promise<{ colours: number; width: number; height: number; luminance: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${base64}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(image, 0, 0)
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const colours = new Set<number>()
    let luminance = 0
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
      luminance += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!
    }
    return { colours: colours.size, width: canvas.width, height: canvas.height, luminance: luminance / (data.length / 4) }
  }, png.toString('base64'))
}
