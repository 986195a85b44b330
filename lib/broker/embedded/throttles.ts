import { BoundedMap } from "../../bounded-map";

// A device whose certificate is refused reconnects at once, with no backoff: thousands of TLS
// attempts in seconds were seen (decision 015). Refusals are counted per key (a remote address, a
// certificate serial); past `limit` within `windowMs` the key is refused at once, before the work
// it would cost (a TLS handshake, a certificate lookup), until the window has passed.

export interface RefusalLimits {
  limit: number;
  windowMs: number;
  /** Keys remembered at most; a flood of new keys evicts the oldest instead of growing memory. */
  maxEntries: number;
}

interface Refusals {
  count: number;
  since: number;
}

export class RefusalThrottle {
  private readonly refusals: BoundedMap<string, Refusals>;

  constructor(private readonly limits: RefusalLimits) {
    this.refusals = new BoundedMap(limits.maxEntries, limits.windowMs);
  }

  refused(key: string, now: number): void {
    const known = this.refusals.get(key, now);
    const fresh = !known || now - known.since >= this.limits.windowMs;
    this.refusals.set(key, fresh ? { count: 1, since: now } : { count: known.count + 1, since: known.since }, now);
  }

  blocked(key: string, now: number): boolean {
    const known = this.refusals.get(key, now);
    return !!known && known.count >= this.limits.limit && now - known.since < this.limits.windowMs;
  }
}

/** Per address: generous, since devices behind one NAT share it and only refusals count. */
export const ADDRESS_REFUSALS: RefusalLimits = { limit: 20, windowMs: 60_000, maxEntries: 100_000 };
/** Per certificate: a refused certificate never becomes good (released, revoked, expired, unknown). */
export const CERTIFICATE_REFUSALS: RefusalLimits = { limit: 1, windowMs: 60_000, maxEntries: 100_000 };

/** What to do with a device's publish under its message rate. */
export type RateVerdict = "accept" | "throttle" | "drop" | "close";

/**
 * A device's publishes per second. Past the rate, the first excess publish of a second asks the
 * device to slow down ("throttle") and every excess one is dropped; a device still over the rate
 * in `closeAfter` seconds of one minute is told to go away ("close").
 */
export class MessageRate {
  private second = 0;
  private count = 0;
  private throttledSeconds: number[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly closeAfter = 10,
  ) {}

  hit(now: number): RateVerdict {
    if (this.perSecond <= 0) return "accept";
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.count = 0;
    }
    this.count++;
    if (this.count <= this.perSecond) return "accept";
    if (this.count > this.perSecond + 1) return "drop";
    this.throttledSeconds = [...this.throttledSeconds.filter((at) => at > second - 60), second];
    return this.throttledSeconds.length >= this.closeAfter ? "close" : "throttle";
  }
}
