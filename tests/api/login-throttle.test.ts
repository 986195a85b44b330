import { afterEach, describe, expect, it, vi } from "vitest";
import { call, type Answer } from "./client";
import { PASSWORD, tenant } from "./fixtures";

// The failed-login throttle seen from outside: the clock is Date's, moved by the test (only Date
// is faked, so the database and the password hash run as they do in production).
const guess = (email: string, password: string, address: string) =>
  call("/api/auth", { body: { email, password }, headers: { "x-forwarded-for": address } });

function advanceBy(answer: Answer): void {
  const seconds = Number(answer.headers.get("retry-after"));
  expect(seconds, answer.text).toBeGreaterThan(0);
  vi.setSystemTime(Date.now() + seconds * 1000);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the failed-login throttle", () => {
  it("lets the owner in from another address while an attacker guesses each time a wait ends", async () => {
    const me = await tenant();
    vi.useFakeTimers({ toFake: ["Date"] });
    const attacker = "203.0.113.66";
    const wrong = (n: number) => guess(me.email, `wrong guess ${n}`, attacker);

    // The attacker makes 15 wrong guesses, each as soon as the throttle allows it.
    let failures = 0;
    for (let n = 0; failures < 15 && n < 100; n++) {
      const answer = await wrong(n);
      if (answer.status === 429) {
        advanceBy(answer);
        continue;
      }
      expect(answer.status, answer.text).toBe(401);
      failures++;
    }
    expect(failures).toBe(15);

    // Then, three times: the wait ends, the attacker guesses at once, the owner signs in the same
    // instant from their own address, and the attacker is still slowed down afterwards.
    for (let round = 0; round < 3; round++) {
      advanceBy(await wrong(100 + round));
      expect((await wrong(200 + round)).status).toBe(401);
      const owner = await guess(me.email, PASSWORD, "198.51.100.7");
      expect(owner.status, owner.text).toBe(200);
      expect((await wrong(300 + round)).status).toBe(429);
    }
  });

  it("evaluates at most the free attempts of a parallel burst from one address", async () => {
    const me = await tenant();
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, n) => guess(me.email, `parallel guess ${n}`, "203.0.113.50")),
    );
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
  });
});
