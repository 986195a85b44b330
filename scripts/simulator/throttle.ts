// mqtt/throttle as the agent obeys it: a message {timestamp, close} from the cloud either closes the
// connection and keeps it closed for an hour, or slows every later publish. The slowdown starts at
// two seconds, doubles with each further throttle up to thirty, and wears off while the device
// sends: by a quarter of a percent of itself plus two milliseconds for every second since the
// previous publish (about 15 % a minute).

export const THROTTLE_STALE_MS = 30_000;
export const BLOCKED_MS = 3_600_000;
const MIN_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30_000;

export type ThrottleOrder = { kind: "ignore"; why: string } | { kind: "slow" } | { kind: "close" };

/** What a throttle message asks of the device at `now` (epoch ms). */
export function throttleOrder(payload: string, now: number): ThrottleOrder {
  let message: { timestamp?: unknown; close?: unknown };
  try {
    message = JSON.parse(payload) as typeof message;
  } catch {
    return { kind: "ignore", why: `bad throttle message ${payload}` };
  }
  const timestamp = Number(message?.timestamp);
  if (!timestamp || timestamp < now - THROTTLE_STALE_MS) return { kind: "ignore", why: "stale throttle message" };
  return message.close === true ? { kind: "close" } : { kind: "slow" };
}

/** The device's publish delay: raised by each throttle, worn off by publishing. */
export class SendThrottle {
  private delayMs = 0;
  private lastPublish = 0;

  /** A throttle message arrived. */
  raise(now: number): void {
    this.delayMs = Math.min(MAX_DELAY_MS, Math.max(this.delayMs * 2, this.delayMs + MIN_DELAY_MS));
    this.lastPublish = now;
  }

  /** How long to wait before the publish about to be made at `now`; wears the delay off. */
  beforePublish(now: number): number {
    if (this.delayMs <= 0) return 0;
    const wait = this.delayMs;
    const seconds = Math.ceil((now - this.lastPublish) / 1000);
    this.delayMs = Math.max(0, this.delayMs - Math.floor(this.delayMs * (seconds / 400)) - seconds * 2);
    this.lastPublish = now;
    return wait;
  }

  get delay(): number {
    return this.delayMs;
  }
}
