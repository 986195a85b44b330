import { describe, expect, it } from "vitest";
import { call, unique } from "./client";
import { cloudToken, owner, signUp, tenant } from "./fixtures";

describe("identity", () => {
  it("makes the first account's creator the owner and later creators admins", async () => {
    const boss = await owner();
    const me = await tenant();
    const ownerProduct = await call("/api/product/create", { token: boss.token, body: { name: unique("p") } });
    expect(ownerProduct.status).toBe(200);
    const tenantProduct = await call("/api/product/create", { token: me.token, body: { name: unique("p") } });
    expect([tenantProduct.status, tenantProduct.json.type]).toEqual([403, "access_denied"]);
  });

  it("binds a login access token to its Origin", async () => {
    const me = await tenant();
    const noOrigin = await call("/api/auth", { body: { email: me.email, password: "x" }, origin: null });
    expect([noOrigin.status, noOrigin.json.type]).toEqual([400, "bad_request"]);
    const foreign = await call("/api/auth", {
      body: { email: me.email, password: "correct horse battery" },
      origin: "https://evil.example",
    });
    expect([foreign.status, foreign.json.type]).toEqual([401, "auth_mismatch"]);
    const otherOrigin = await call("/api/device/find", { token: me.token, origin: "http://127.0.0.1:3000" });
    expect([otherOrigin.status, otherOrigin.json.type]).toEqual([401, "auth_mismatch"]);
    const missing = await call("/api/device/find", { token: me.token, origin: null });
    expect(missing.json.type).toBe("auth_mismatch");
    const onTok = await call("/tok/device/find", { token: me.token });
    expect(onTok.json.type).toBe("auth_mismatch");
  });

  it("kills the token at logout and refuses unknown tokens", async () => {
    const me = await tenant();
    expect((await call("/api/user/logout", { token: me.token })).json.data).toEqual({ loggedOut: true });
    const after = await call("/api/device/find", { token: me.token });
    expect([after.status, after.json.type]).toEqual([401, "invalid_token"]);
    const none = await call("/api/device/find", {});
    expect([none.status, none.json.type]).toEqual([401, "invalid_auth"]);
  });

  it("caps CloudAPI token roles at the creator's, shows the secret once and revokes at once", async () => {
    const me = await tenant();
    const tooHigh = await call("/api/token/create", { token: me.token, body: { name: "x", role: "owner" } });
    expect(tooHigh.status).toBe(403);
    const created = await call("/api/token/create", { token: me.token, body: { name: "ci", role: "viewer" } });
    const { id, token } = created.json.data;
    const listed = await call("/api/token/find", { token: me.token });
    expect(JSON.stringify(listed.json)).not.toContain(token);
    expect(listed.json.data.map((t: { id: string }) => t.id)).toContain(id);
    expect((await call("/tok/device/find", { token })).status).toBe(200);
    expect((await call("/tok/device/update", { token, body: { id: "X" } })).status).toBe(403);
    expect((await call("/api/token/remove", { token: me.token, body: { id } })).status).toBe(200);
    expect((await call("/tok/device/find", { token })).status).toBe(401);
  });

  it("slows and then refuses repeated failed logins for one email, with Retry-After", async () => {
    const me = await tenant();
    for (let i = 0; i < 5; i++) {
      expect((await call("/api/auth", { body: { email: me.email, password: "wrong password" } })).status).toBe(401);
    }
    const locked = await call("/api/auth", { body: { email: me.email, password: "correct horse battery" } });
    expect([locked.status, locked.json.type]).toEqual([429, "rate_limited"]);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("writes security events to the audit trail, newest first, filterable", async () => {
    const me = await tenant();
    await cloudToken(me);
    await call("/api/auth", { body: { email: me.email, password: "wrong password" } });
    const trail = await call("/api/audit/find", { token: me.token });
    const actions = trail.json.data.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 3)).toEqual(["auth.login_failed", "token.create", "auth.login"]);
    const filtered = await call("/api/audit/find", { token: me.token, body: { action: "token.create" } });
    expect(filtered.json.data).toHaveLength(1);
    expect(filtered.json.data[0].actor).toMatchObject({ kind: "user", label: me.email });
  });

  it("refuses a second sign-up with the same email", async () => {
    const me = await signUp();
    const again = await call("/api/account/create", {
      body: { name: "x", email: me.email, password: "another password" },
    });
    expect([again.status, again.json.type]).toEqual([409, "conflict"]);
  });
});
