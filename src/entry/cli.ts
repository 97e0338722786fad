import { parseConfig } from '../config.js'
import { loadNodeServices } from '../node/services.js'

const question = process.argv.slice(2).join(' ').trim()
if (!question) {
  console.error('usage: npm run ask -- "Which cities host kaolin clusters?"')
  process.exit(2)
}
try {
  const { answerer } = await loadNodeServices(parseConfig(process.env))
  const { answer, grounded, source, citations, fallbackReason } = await answerer.ask({ question })
  console.log(`${answer}\n`)
  for (const c of citations) console.log(`[${c.id}] ${c.documentId} ${c.start}-${c.end}: "${c.quote}"`)
  if (!grounded) console.log('(not answered by the corpus)')
  console.log(`\nsource: ${source}${fallbackReason ? ` (model not used: ${fallbackReason})` : ''}`)
} catch (error) {
  console.error(`ask failed: ${(error as Error).message}`)
  process.exitCode = 1
}
