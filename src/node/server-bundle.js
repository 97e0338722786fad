/**
 * The precompiled server that `npm start` runs: an esbuild bundle of `src/entry/node.ts` in
 * `dist/server/<key>/`, where the key hashes the path, size and mtime of every file under `src/` plus
 * `package.json`, `package-lock.json` and `tsconfig.json`. Any edit or reinstall gives a new key, so a
 * stale bundle is never served. Plain JavaScript: it runs before any TypeScript loader (see
 * `src/entry/start.js`); its types are in `server-bundle.d.ts`.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const KEEP_BUILDS = 3
const LOCK_WAIT_MS = 120_000
const STALE_LOCK_MS = 60_000

/** The build key of the sources under `root`: a hash over the path, size and mtime of every input file. */
export function buildKey(root) {
  const hash = createHash('sha256')
  const add = (path) => {
    const s = statSync(path, { throwIfNoEntry: false })
    hash.update(`${path.slice(root.length)}\0${s ? `${s.size}:${s.mtimeMs}` : '-'}\n`)
  }
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) (entry.isDirectory() ? walk : add)(join(dir, entry.name))
  }
  walk(join(root, 'src'))
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json']) add(join(root, name))
  return hash.digest('hex').slice(0, 16)
}

const exists = (path) => statSync(path, { throwIfNoEntry: false }) !== undefined
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The bundle's entry file for the current sources under `root`, built first unless a current build
 * exists; undefined when it needs a build and esbuild is not installed (`npm install --omit=dev`).
 * Concurrent callers build once: the first takes a lock directory, the others wait for its result.
 *
 * @example await import(pathToFileURL(await ensureServerBundle(root)).href)
 */
export async function ensureServerBundle(root) {
  const builds = join(root, 'dist', 'server')
  const key = buildKey(root)
  const main = join(builds, key, 'node.js')
  if (exists(main)) return main
  const esbuild = await import('esbuild').catch(() => undefined)
  if (!esbuild) return undefined
  mkdirSync(builds, { recursive: true })
  const lock = join(builds, `.lock-${key}`)
  for (const started = Date.now(); !tryLock(lock); await sleep(50)) {
    if (exists(main)) return main
    if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`timed out waiting for another build of ${main} (lock ${lock})`)
  }
  try {
    if (!exists(main)) await bundle(esbuild, root, join(builds, key))
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
  prune(builds, key)
  return main
}

/** Takes the lock directory; breaks a lock left by a build that died more than a minute ago. */
function tryLock(lock) {
  try {
    mkdirSync(lock)
    return true
  } catch (error) {
    if (error.code !== 'EEXIST') throw error
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true })
    return false
  }
}

/**
 * Bundles with code splitting, so the libraries loaded on first use (model client, OpenAI embeddings,
 * Slack, MCP) stay in chunks of their own instead of loading at start-up. Every dependency is bundled
 * except hnswlib-node, a native addon. Written to a scratch directory, then renamed into place.
 */
async function bundle(esbuild, root, out) {
  const scratch = `${out}.tmp-${process.pid}`
  rmSync(scratch, { recursive: true, force: true })
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { node: join(root, 'src', 'entry', 'node.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['hnswlib-node'],
    outdir: scratch,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  })
  try {
    renameSync(scratch, out)
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true })
    if (!exists(join(out, 'node.js'))) throw error
  }
}

/** Removes all but the newest few builds (a server still running an older build may load a lazy chunk from it) and scratch directories of builds that died. */
function prune(builds, current) {
  const entries = readdirSync(builds)
    .filter((name) => !name.startsWith('.') && name !== current)
    .map((name) => ({ name, mtimeMs: statSync(join(builds, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs)
  const dead = entries.filter((e) => e.name.includes('.tmp-') && Date.now() - e.mtimeMs > STALE_LOCK_MS)
  const older = entries.filter((e) => !e.name.includes('.tmp-')).slice(KEEP_BUILDS - 1)
  for (const { name } of [...dead, ...older]) rmSync(join(builds, name), { recursive: true, force: true })
}
