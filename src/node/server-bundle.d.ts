/** The build key of the sources under `root` (see server-bundle.js). */
export function buildKey(root: string): string
/** Path of the current server bundle under `root`, built if stale; undefined without esbuild. */
export function ensureServerBundle(root: string): Promise<string | undefined>
