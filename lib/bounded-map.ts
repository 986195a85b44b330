/**
 * A Map for state kept about strangers (failed sign-ins, trusted addresses): however many keys
 * arrive, it holds at most `maxEntries`, and an entry lives `ttlMs` after it was last written.
 * Writing a key moves it to the back, so the front is always the entry written longest ago: the
 * next to expire, and the one evicted when the map is full. Each write sweeps from the front, so
 * expired entries go without a timer and without a scan of the whole map.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: K, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= now) this.entries.delete(key);
    return entry && entry.expires > now ? entry.value : undefined;
  }

  set(key: K, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expires > now) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
