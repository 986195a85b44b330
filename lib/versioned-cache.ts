// Values computed from the database, kept while it is unchanged (ADR 009). Every entry belongs
// to one database version (SQLite's data_version, which changes with every commit by any
// connection): the first lookup under another version drops them all, so nothing kept outlives
// a commit. Bounded by a size per entry (bytes of an answer, or 1 per row); the least recently
// used go first.

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  size: number;
}

export class VersionedCache<Value> {
  private readonly entries = new Map<string, Value>();
  private version: number | undefined;
  private size = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (key: string, value: Value) => number = () => 1,
  ) {}

  get enabled(): boolean {
    return this.maxSize > 0;
  }

  /** The value kept under `key` at this database version, if any. */
  get(key: string, version: number): Value | undefined {
    this.moveTo(version);
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-inserting makes it the most recently used (a Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /**
   * Keeps a value computed from data no older than `version`, which the caller read before its
   * query ran. When the cache has moved to another version meanwhile, a commit landed while the
   * value was computed: it may be stale, so it is dropped.
   */
  set(key: string, version: number, value: Value): void {
    const size = this.sizeOf(key, value);
    if (version !== this.version || size > this.maxSize) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) this.size -= this.sizeOf(key, previous);
    this.entries.delete(key);
    this.entries.set(key, value);
    this.size += size;
    for (const [oldest, kept] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.entries.delete(oldest);
      this.size -= this.sizeOf(oldest, kept);
    }
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, size: this.size };
  }

  // SQLite promises only that the version differs after a commit, not that it grows.
  private moveTo(version: number): void {
    if (version === this.version) return;
    this.version = version;
    this.entries.clear();
    this.size = 0;
  }
}
