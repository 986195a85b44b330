import { beforeAll, describe, expect, it } from "vitest";
import { verbPath } from "../../lib/contracts/verb";
import { call } from "./client";
import { buildWorld, deviceOnly, endpoint, everyVerb, samples, snapshot, type World } from "./samples";

// Every verb of the registry, called by account B with account A's IDs: 404 and nothing changed.
// Verbs only a device calls are called by a device of account B naming A's device.
// Verbs that take no foreign ID at all say why below, and still must not reach A.

const notApplicable: Record<string, string> = {
  "account/create": "public: creates a new account, names none",
  "auth/login": "public: names no account",
  "device/register": "product token: the pool, not an account",
  "device/getCreds": "acts only on the calling device, names none",
  "provision/getCreds": "acts only on the calling device, names none",
  "user/logout": "acts only on the caller's own token",
  "user/login": "public: accepts an invite, names no account",
};

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe("tenant isolation", () => {
  for (const contract of everyVerb) {
    const path = verbPath(contract);
    if (notApplicable[path]) continue;
    it(`${path}: another account's IDs answer 404 and change nothing`, async () => {
      const body = { ...(await samples[path]!(w)), accountId: w.a.accountId };
      const before = await snapshot();
      const { path: url } = endpoint(contract, w);
      // A device verb is called by account B's own device.
      const answer = await call(url, { token: deviceOnly(contract) ? w.bDeviceToken : w.b.token, body });
      // Owner-only verbs refuse a tenant by role before any ID is looked at.
      const expected = contract.allow.includes("owner") ? [403, "access_denied"] : [404, "not_found"];
      expect([answer.status, answer.json?.type], answer.text).toEqual(expected);
      expect(await snapshot()).toBe(before);
    });
  }

  it("answers 404, not 403, for another account's device, user and token IDs without accountId", async () => {
    for (const [path, body] of [
      ["/api/device/get", { id: w.aDevice }],
      ["/api/device/update", { id: w.aDevice, name: "mine now" }],
      ["/api/device/release", { id: w.aDevice }],
      ["/api/token/remove", { id: w.aToken.id }],
      ["/api/user/get", { id: w.a.userId }],
      ["/api/user/update", { id: w.a.userId, first: "x" }],
      ["/api/user/updateRole", { id: w.a.userId, role: "viewer" }],
      ["/api/user/remove", { id: w.a.userId }],
      ["/api/account/get", { id: w.a.accountId }],
      ["/api/account/update", { id: w.a.accountId, name: "x" }],
    ] as const) {
      const before = await snapshot();
      const answer = await call(path, { token: w.b.token, body });
      expect([answer.status, answer.json.type], path).toEqual([404, "not_found"]);
      expect(await snapshot()).toBe(before);
    }
  });
});
