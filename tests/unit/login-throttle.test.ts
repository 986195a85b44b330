import { describe, expect, it } from "vitest";
import { addressNetwork } from "../../lib/address-network";
import { BoundedMap } from "../../lib/bounded-map";
import { LOGIN_LIMITS, LoginThrottle, type LoginLimits } from "../../lib/services/login-throttle";

// Each test owns a throttle and its clock: time moves only when the test says so.
function throttleAt(limits: Partial<LoginLimits> = {}) {
  const clock = { now: 1_000_000 };
  const throttle = new LoginThrottle(() => clock.now, { ...LOGIN_LIMITS, ...limits });
  const tries = (email: string, address: string) => {
    try {
      throttle.reserve(email, address);
      return true;
    } catch {
      return false;
    }
  };
  return { clock, throttle, tries };
}

const EMAIL = "owner@example.test";
const HOME = "198.51.100.7";
const ATTACKER = "203.0.113.66";

describe("the login throttle", () => {
  it("frees five failures per network, then waits doubling up to the cap, and forgets after a day", () => {
    const { clock, throttle, tries } = throttleAt();
    for (let n = 0; n < 5; n++) expect(tries(EMAIL, ATTACKER)).toBe(true);
    expect(() => throttle.reserve(EMAIL, ATTACKER)).toThrow(/wait 1 s before trying again/);
    const waits: number[] = [];
    for (let n = 0; n < 14; n++) {
      const start = clock.now;
      while (!tries(EMAIL, ATTACKER)) clock.now += 1000;
      waits.push((clock.now - start) / 1000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    clock.now += LOGIN_LIMITS.forgetMs;
    for (let n = 0; n < 5; n++) expect(tries(EMAIL, ATTACKER)).toBe(true);
  });

  it("slows the attacker's network only: the owner signs in from home whenever a wait ends", () => {
    const { clock, throttle, tries } = throttleAt();
    for (let n = 0; n < 5; n++) tries(EMAIL, ATTACKER);
    for (let round = 0; round < 30; round++) {
      while (!tries(EMAIL, ATTACKER)) clock.now += 1000;
      expect(tries(EMAIL, HOME)).toBe(true);
      throttle.succeeded(EMAIL, HOME);
      expect(tries(EMAIL, ATTACKER)).toBe(false);
    }
  });

  it("reserves each attempt before its password is checked: a burst passes only the free attempts", () => {
    const { tries } = throttleAt();
    const burst = Array.from({ length: 50 }, () => tries(EMAIL, ATTACKER));
    expect(burst.filter(Boolean)).toHaveLength(5);
    // From many networks at once, the email's own bound holds.
    const spread = Array.from({ length: 300 }, (_, n) => tries(EMAIL, `192.0.2.${n % 250}`));
    expect(spread.filter(Boolean)).toHaveLength(LOGIN_LIMITS.emailFailureLimit - 5);
  });

  it("past 100 failures for an email, refuses new networks but not one that signed in before", () => {
    const { clock, throttle, tries } = throttleAt();
    expect(tries(EMAIL, HOME)).toBe(true);
    throttle.succeeded(EMAIL, HOME);
    for (let n = 0; n < 100; n++) expect(tries(EMAIL, `192.0.2.${n}`)).toBe(true);
    expect(() => throttle.reserve(EMAIL, "192.0.2.200")).toThrow(/wait 24 h before trying again/);
    expect(tries(EMAIL, HOME)).toBe(true);
    throttle.succeeded(EMAIL, HOME);
    // A sign-in ends the run of consecutive failures: new networks may try again.
    expect(tries(EMAIL, "192.0.2.200")).toBe(true);
    for (let n = 0; n < 100; n++) tries(EMAIL, `192.0.3.${n}`);
    expect(tries(EMAIL, "192.0.2.201")).toBe(false);
    clock.now += LOGIN_LIMITS.forgetMs;
    expect(tries(EMAIL, "192.0.2.201")).toBe(true);
  });

  it("counts an IPv6 /64 as one network, and the email whatever its case", () => {
    const { tries } = throttleAt();
    for (let n = 1; n <= 5; n++) expect(tries(EMAIL, `2001:db8:1:2::${n}`)).toBe(true);
    expect(tries(EMAIL.toUpperCase(), "2001:db8:1:2:ffff:1:2:3")).toBe(false);
    expect(tries(EMAIL, "2001:db8:1:3::1")).toBe(true);
    expect(addressNetwork("2001:0db8:0001:0002:0:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(addressNetwork("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressNetwork("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressNetwork("::1")).toBe("0:0:0:0::/64");
    expect(addressNetwork("unknown")).toBe("unknown");
  });

  it("keeps bounded memory however many emails are tried, without evicting a slowed attacker", () => {
    const maxEntries = 50;
    const { throttle, tries } = throttleAt({ maxEntries });
    for (let n = 0; n < 5; n++) tries(EMAIL, ATTACKER);
    expect(tries(EMAIL, ATTACKER)).toBe(false);
    for (let n = 0; n < 20_000; n++) tries(`user${n}@example.test`, `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`);
    // Five tables (few and many failures per network and per email, trusted networks).
    expect(throttle.size).toBeLessThanOrEqual(5 * maxEntries);
    expect(tries(EMAIL, ATTACKER)).toBe(false);
  });
});

describe("a bounded map", () => {
  it("evicts the entry written longest ago when full, and forgets entries when they expire", () => {
    const map = new BoundedMap<string, number>(2, 1000);
    map.set("a", 1, 0);
    map.set("b", 2, 0);
    map.set("a", 3, 10);
    map.set("c", 4, 20);
    expect([map.get("a", 20), map.get("b", 20), map.get("c", 20), map.size]).toEqual([3, undefined, 4, 2]);
    expect(map.get("a", 1010)).toBeUndefined();
    map.set("d", 5, 1020);
    expect(map.size).toBe(1);
  });
});
