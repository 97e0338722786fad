import type { Context } from 'hono'

/**
 * Runs `task` after the response is sent. On Workers it is handed to `executionCtx.waitUntil`
 * so the runtime keeps it alive; elsewhere the promise simply runs. Failures are logged, never thrown.
 *
 * @example runInBackground(c, postAnswer(), (error) => console.error(error))
 */
export function runInBackground(c: Context, task: Promise<unknown>, logError: (error: unknown) => void = () => {}): void {
  const guarded = task.then(
    () => undefined,
    (error: unknown) => logError(error),
  )
  let waitUntil: ((p: Promise<unknown>) => void) | undefined
  try {
    const ctx = c.executionCtx
    waitUntil = ctx.waitUntil.bind(ctx)
  } catch {
    waitUntil = undefined
  }
  waitUntil?.(guarded)
}
