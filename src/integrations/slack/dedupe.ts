/**
 * Remembers keys for a limited time and a limited count, oldest first out. Used to drop Slack's
 * retries of an event already being handled. Memory is per process (per isolate on Workers).
 *
 * @example const seen = new TtlSet(10 * 60_000, 5000); if (seen.add(eventId)) handle()
 */
export class TtlSet {
  readonly #expiry = new Map<string, number>()

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds `key`; false when it was already present and not expired. */
  add(key: string): boolean {
    const now = this.now()
    this.#evict(now)
    const expires = this.#expiry.get(key)
    if (expires !== undefined && expires > now) return false
    this.#expiry.delete(key)
    this.#expiry.set(key, now + this.ttlMs)
    while (this.#expiry.size > this.maxEntries) this.#expiry.delete(this.#expiry.keys().next().value!)
    return true
  }

  get size(): number {
    return this.#expiry.size
  }

  #evict(now: number): void {
    for (const [key, expires] of this.#expiry) {
      if (expires > now) break
      this.#expiry.delete(key)
    }
  }
}
