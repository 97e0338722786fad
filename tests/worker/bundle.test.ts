import { describe, expect, it } from 'vitest'
import { buildWorkerBundle, FREE_PLAN_GZIP_LIMIT } from '../../src/node/wrangler.js'

describe('the Worker bundle', () => {
  it('wrangler deploy --dry-run builds a bundle of at most 1 MiB gzipped, index included', async () => {
    const report = await buildWorkerBundle()
    console.log(`worker bundle: ${(report.bytes / 1024).toFixed(1)} KiB, ${(report.gzipBytes / 1024).toFixed(1)} KiB gzipped`)
    expect(report.modules.map((m) => m.name)).toEqual(expect.arrayContaining(['worker.js', expect.stringMatching(/vectors\.bin$/)]))
    expect(report.gzipBytes).toBeGreaterThan(0)
    expect(report.gzipBytes).toBeLessThanOrEqual(FREE_PLAN_GZIP_LIMIT)
  })
})
