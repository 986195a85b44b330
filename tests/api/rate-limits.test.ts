import { describe, expect, it } from "vitest";
import { signInWithPassword } from "../../lib/session/sign-in";
import { call, claimId, ORIGIN } from "./client";
import { cloudToken, product, tenant } from "./fixtures";

// This file's own process reads these before its first request (the environment is parsed once).
process.env.RATE_LIMIT_PER_MINUTE = "40";
process.env.REGISTER_RATE_PER_MINUTE = "3";

describe("rate limits", () => {
  it("answer 429 rate_limited with Retry-After per token, and per device ID on register", async () => {
    const me = await tenant();
    const api = await cloudToken(me);
    const answers = [];
    for (let i = 0; i < 41; i++)
      answers.push(await call("/tok/device/find", { token: api, headers: { "x-forwarded-for": `10.0.0.${i}` } }));
    expect(answers.slice(0, 40).every((a) => a.status === 200)).toBe(true);
    const limited = answers[40]!;
    expect([limited.status, limited.json.type]).toEqual([429, "rate_limited"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const { token } = await product();
    const register = () =>
      call("/builder/device/register", {
        token,
        body: { id: "RATELIMIT1" },
        headers: { "x-forwarded-for": "10.1.1.1" },
      });
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(200);
    expect((await register()).status).toBe(429);
    // Another device behind the same product token and address is not throttled with it.
    const other = await call("/builder/device/register", {
      token,
      body: { id: "RATELIMIT2" },
      headers: { "x-forwarded-for": "10.1.1.1" },
    });
    expect(other.status).toBe(200);
  });

  it("never throttles a product token as one: a fleet shares it", async () => {
    const { token } = await product();
    // More registrations than the per-token limit (40 here), each device from its own address.
    const answers = [];
    for (let i = 0; i < 45; i++)
      answers.push(
        await call("/builder/device/register", {
          token,
          body: { id: claimId() },
          headers: { "x-forwarded-for": `10.2.0.${i}` },
        }),
      );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });

  it("limits one client address across tokens", async () => {
    const address = { "x-forwarded-for": "10.9.9.9" };
    const answers = [];
    for (let i = 0; i < 41; i++)
      answers.push(await call("/api/device/find", { token: "fpl_unknown", headers: address }));
    expect(answers[39]!.status).toBe(401);
    expect(answers[40]!.status).toBe(429);
  });

  it("counts every spelling of one device ID against that device's register limit", async () => {
    const { token } = await product();
    const id = claimId();
    // Each spelling stays distinct in upper case, yet claim (and register) read them as one ID.
    const spellings = [
      id,
      `${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase(),
      `${id.slice(0, 2)}-${id.slice(2)}`,
      `${id.slice(0, 3)}--${id.slice(3)}`,
    ];
    const statuses = [];
    for (const spelling of spellings)
      statuses.push(
        (
          await call("/builder/device/register", {
            token,
            body: { id: spelling },
            headers: { "x-forwarded-for": "10.1.2.3" },
          })
        ).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("counts the portal's sign-in against the same per-address limit as POST /api/auth", async () => {
    const me = await tenant();
    const credentials = { email: me.email, password: "correct horse battery" };
    const headers = { "x-forwarded-for": "10.7.7.7", origin: ORIGIN };
    for (let i = 0; i < 20; i++) {
      expect((await call("/api/auth", { body: credentials, headers })).status).toBe(200);
      expect((await signInWithPassword(credentials, headers)).user.email).toBe(me.email);
    }
    await expect(signInWithPassword(credentials, headers)).rejects.toThrow("Too many requests");
    expect((await call("/api/auth", { body: credentials, headers })).status).toBe(429);
    // Another address signs in as usual.
    expect((await signInWithPassword(credentials, { ...headers, "x-forwarded-for": "10.7.7.8" })).token).toMatch(
      /^fpl_/,
    );
  });
});
