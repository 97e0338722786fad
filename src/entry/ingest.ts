import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { parseConfig } from '../config.js'
import { ingest } from '../node/ingest.js'
import { writeWidgetBundle } from '../node/widget-bundle.js'

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
const config = parseConfig(process.env)
const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'embedding {bar} {value}/{total} chunks' }, cliProgress.Presets.shades_classic) : undefined

try {
  const started = performance.now()
  const result = await ingest(config, {
    check: values.check,
    onProgress: (done, total) => (bar?.isActive ? bar.update(done) : bar?.start(total, done)),
  })
  bar?.stop()
  const widget = await writeWidgetBundle({ check: values.check })
  if (widget.stale) result.stale.push('src/widget/bundle.ts differs from a fresh build of src/widget/')
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  if (values.check && result.stale.length) {
    console.error(`index/ is stale: ${result.stale.join('; ')}.\nRun \`npm run ingest\` and commit index/ and src/widget/bundle.ts.`)
    process.exitCode = 1
  } else {
    console.log(`${values.check ? 'index/ is current' : `wrote ${config.indexDir}/`}: ${result.documents} documents, ${result.chunks} chunks (${seconds}s)`)
    console.log(`widget: ${(widget.bytes / 1024).toFixed(1)} KiB, ${(widget.gzipBytes / 1024).toFixed(1)} KiB gzipped`)
  }
} catch (error) {
  bar?.stop()
  console.error(`ingest failed: ${(error as Error).message}`)
  process.exitCode = 1
}
