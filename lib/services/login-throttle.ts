import { createHash } from "node:crypto";
import { addressNetwork } from "../address-network";
import { BoundedMap } from "../bounded-map";
import { rateLimited } from "../errors";

// The failed-login throttle (decision 005 in docs/decisions). Guesses slow down per
// email and client network, so an attacker slows themselves and nobody else; past a loose bound of
// consecutive failures per email, only networks that signed in to it before may still try.

export interface LoginLimits {
  /** Failures per (email, network) before attempts have to wait. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** Consecutive failures per email, from any network, after which only trusted networks may try. */
  emailFailureLimit: number;
  /** Failures are forgotten this long after the last one. */
  forgetMs: number;
  /** A network that signed in to an email stays trusted for it this long. */
  trustMs: number;
  /** Entries per table; a flood of new keys evicts the oldest instead of growing memory. */
  maxEntries: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  freeFailures: 5,
  firstWaitMs: 1000,
  maxWaitMs: 15 * 60_000,
  emailFailureLimit: 100,
  forgetMs: 24 * 3_600_000,
  trustMs: 30 * 86_400_000,
  maxEntries: 10_000,
};

interface Failures {
  count: number;
  last: number;
}

/**
 * Failure counts by key in two bounded tables: keys that have not reached `slowFrom` failures, and
 * keys that have. A flood of new keys (many emails tried once) then only evicts entries that made
 * nobody wait yet, never the count that is slowing an attacker down.
 */
class FailureCounts {
  private readonly few: BoundedMap<string, Failures>;
  private readonly many: BoundedMap<string, Failures>;

  constructor(
    private readonly slowFrom: number,
    limits: LoginLimits,
  ) {
    this.few = new BoundedMap(limits.maxEntries, limits.forgetMs);
    this.many = new BoundedMap(limits.maxEntries, limits.forgetMs);
  }

  get(key: string, now: number): Failures | undefined {
    return this.many.get(key, now) ?? this.few.get(key, now);
  }

  add(key: string, now: number): void {
    const failures = { count: (this.get(key, now)?.count ?? 0) + 1, last: now };
    if (failures.count < this.slowFrom) {
      this.few.set(key, failures, now);
    } else {
      this.few.delete(key);
      this.many.set(key, failures, now);
    }
  }

  clear(key: string): void {
    this.few.delete(key);
    this.many.delete(key);
  }

  get size(): number {
    return this.few.size + this.many.size;
  }
}

// Keys are digests: an entry costs the same memory whatever the length of the email sent.
const digest = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("base64url");

function spoken(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  return seconds < 7200 ? `${Math.ceil(seconds / 60)} min` : `${Math.ceil(seconds / 3600)} h`;
}

export class LoginThrottle {
  private readonly byNetwork: FailureCounts;
  private readonly byEmail: FailureCounts;
  private readonly trusted: BoundedMap<string, true>;

  constructor(
    private readonly clock: () => number = () => Date.now(),
    private readonly limits: LoginLimits = LOGIN_LIMITS,
  ) {
    this.byNetwork = new FailureCounts(limits.freeFailures, limits);
    this.byEmail = new FailureCounts(limits.freeFailures, limits);
    this.trusted = new BoundedMap(limits.maxEntries, limits.trustMs);
  }

  /**
   * Takes one attempt for `email` from `address`, or throws 429 with Retry-After. The attempt
   * counts as a failure from now on, before its password is checked, so guesses sent in parallel
   * cannot all pass one check; `succeeded` takes it back.
   */
  reserve(email: string, address: string): void {
    const now = this.clock();
    const keys = this.keys(email, address);
    const wait = Math.max(this.networkWait(keys.network, now), this.emailWait(keys, now));
    if (wait > 0) {
      throw rateLimited(wait / 1000, `Too many failed sign-in attempts: wait ${spoken(wait)} before trying again`);
    }
    this.byNetwork.add(keys.network, now);
    this.byEmail.add(keys.email, now);
  }

  /** The password was right: the failures end, and this network is trusted for the email. */
  succeeded(email: string, address: string): void {
    const keys = this.keys(email, address);
    this.byNetwork.clear(keys.network);
    this.byEmail.clear(keys.email);
    this.trusted.set(keys.network, true, this.clock());
  }

  /** Entries held, over every table: bounded by the limits, whatever is tried. */
  get size(): number {
    return this.byNetwork.size + this.byEmail.size + this.trusted.size;
  }

  private keys(email: string, address: string) {
    const normalised = email.trim().toLowerCase();
    return { email: digest(normalised), network: digest(normalised, addressNetwork(address)) };
  }

  private networkWait(key: string, now: number): number {
    const failures = this.byNetwork.get(key, now);
    if (!failures || failures.count < this.limits.freeFailures) return 0;
    const doubling = this.limits.firstWaitMs * 2 ** (failures.count - this.limits.freeFailures);
    return failures.last + Math.min(doubling, this.limits.maxWaitMs) - now;
  }

  private emailWait(keys: { email: string; network: string }, now: number): number {
    const failures = this.byEmail.get(keys.email, now);
    if (!failures || failures.count < this.limits.emailFailureLimit) return 0;
    return this.trusted.get(keys.network, now) ? 0 : failures.last + this.limits.forgetMs - now;
  }
}

export const loginThrottle = new LoginThrottle();
