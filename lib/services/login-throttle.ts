import { rateLimited } from "../errors";

// Failed logins per email (API.md §1): after 5 failures each further attempt must wait 2^(n-5)
// seconds after the last failure, and from 10 failures the email is refused for 5 minutes. The
// lock expires by itself and a success clears it: an attacker can slow a user down, never lock
// them out for good. Per process, like the other rate limits (ARCHITECTURE.md).
const FREE_FAILURES = 5;
const LOCK_AFTER = 10;
const LOCK_MS = 5 * 60_000;
const FORGET_MS = 15 * 60_000;

const failures = new Map<string, { count: number; last: number }>();

function waitMs(count: number): number {
  if (count >= LOCK_AFTER) return LOCK_MS;
  return count >= FREE_FAILURES ? 1000 * 2 ** (count - FREE_FAILURES) : 0;
}

/** Throws 429 with Retry-After while the email must wait. */
export function checkLoginAllowed(email: string, now = Date.now()): void {
  const entry = failures.get(email);
  if (!entry) return;
  if (now - entry.last > FORGET_MS) {
    failures.delete(email);
    return;
  }
  const remaining = entry.last + waitMs(entry.count) - now;
  if (remaining > 0) {
    const seconds = Math.ceil(remaining / 1000);
    throw rateLimited(remaining / 1000, `Too many failed sign-in attempts: wait ${seconds} s before trying again`);
  }
}

export function recordLoginFailure(email: string, now = Date.now()): void {
  const entry = failures.get(email);
  failures.set(email, { count: (entry?.count ?? 0) + 1, last: now });
}

export function clearLoginFailures(email: string): void {
  failures.delete(email);
}
