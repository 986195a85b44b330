// Fixed-window counters per key. Per process by default (a limit then applies per node); the
// interface lets a shared store (PostgreSQL, Redis) take over for several nodes (docs/architecture.md#limits).
export interface RateLimiter {
  /** Counts one hit; answers the seconds to wait when over the limit, else 0. */
  hit(key: string, perMinute: number, now?: number): number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  hit(key: string, perMinute: number, now = Date.now()): number {
    if (perMinute <= 0) return 0;
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    return window.count > perMinute ? (window.start + 60_000 - now) / 1000 : 0;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(key);
  }
}

export const rateLimiter: RateLimiter = new MemoryRateLimiter();
