/**
 * `npm start`: serves from a precompiled bundle of `src/entry/node.ts` (see `src/node/server-bundle.js`),
 * building it first if the sources changed since the last build. Plain JavaScript, so plain `node`
 * starts it with no TypeScript loader: transpiling at start-up cost more than the cold-start budget.
 * Without esbuild (`npm install --omit=dev`) it runs the TypeScript through tsx instead.
 *
 *   node --max-semi-space-size=32 src/entry/start.js   # build if stale, then serve (what `npm start` runs;
 *                                                       # the flag keeps young-generation GC pauses rarer)
 *   node src/entry/start.js --build                     # build if stale, then exit (`npm run build`; npm's `prepare` after install)
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureServerBundle } from '../node/server-bundle.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const main = await ensureServerBundle(root)
if (process.argv.includes('--build')) {
  console.error(main ? `server bundle: ${main.slice(root.length)}` : 'esbuild is not installed: npm start will run the TypeScript sources through tsx')
} else if (main) {
  await import(pathToFileURL(main).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(fileURLToPath(new URL('node.ts', import.meta.url))).href)
}
