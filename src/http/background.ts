import type { Context } from 'hono'

/**
 * Runs work after the response is sent (e.g. a Slack reply to `response_url`). On Workers it is
 * handed to `executionCtx.waitUntil` so the isolate stays alive until it settles; on Node the
 * process outlives the request anyway. Failures go to `onError`, never to an unhandled rejection.
 *
 * @example
 * runInBackground(c, postToResponseUrl(answer), (error) => log(error))
 */
export function runInBackground(c: Context, task: Promise<unknown>, onError: (error: unknown) => void = () => {}): void {
  const settled = task.then(
    () => undefined,
    (error: unknown) => {
      onError(error)
    },
  )
  executionContext(c)?.waitUntil(settled)
}

function executionContext(c: Context): { waitUntil(promise: Promise<unknown>): void } | undefined {
  try {
    return c.executionCtx
  } catch {
    return undefined
  }
}
