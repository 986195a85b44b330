import { describe, expect, it } from "vitest";
import { call, unique } from "./client";
import { cloudToken, tenant } from "./fixtures";

describe("users", () => {
  it("invites by a one-time link, accepts it once, changes the role and removes the user with their tokens", async () => {
    const admin = await tenant();
    const email = `${unique("invitee")}@example.test`;
    const invited = await call("/api/user/create", { token: admin.token, body: { email, role: "viewer" } });
    expect(invited.status, invited.text).toBe(200);
    expect(invited.json.data.user).toMatchObject({ email, role: "viewer", status: "invited" });
    expect(invited.json.data.invite).toMatch(/^http:\/\/localhost:3000\/invite\?token=inv_/);

    const accepted = await call("/api/user/login", {
      body: { invite: invited.json.data.invite, password: "invitee password" },
    });
    expect(accepted.status, accepted.text).toBe(200);
    const session = accepted.json.data.token as string;
    expect((await call("/api/device/find", { token: session })).status).toBe(200);
    expect((await call("/api/device/update", { token: session, body: { id: "X", name: "y" } })).status).toBe(403);
    const reused = await call("/api/user/login", {
      body: { invite: invited.json.data.invite, password: "another password" },
    });
    expect(reused.status).toBe(401);

    const userId = invited.json.data.user.id as string;
    const promoted = await call("/api/user/updateRole", { token: admin.token, body: { id: userId, role: "admin" } });
    expect(promoted.json.data.role).toBe("admin");
    expect((await call("/api/device/find", { token: session })).status).toBe(200);
    const tooHigh = await call("/api/user/updateRole", { token: admin.token, body: { id: userId, role: "owner" } });
    expect(tooHigh.status).toBe(403);

    const theirToken = await cloudToken({ ...admin, token: session });
    expect((await call("/api/user/remove", { token: admin.token, body: { id: userId } })).status).toBe(200);
    expect((await call("/api/device/find", { token: session })).status).toBe(401);
    expect((await call("/tok/device/find", { token: theirToken })).status).toBe(401);
    const actions = (await call("/api/audit/find", { token: admin.token })).json.data.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["user.invite", "user.join", "user.role", "user.remove"]));
  });

  it("changes a password, ending the user's other sessions but not this one", async () => {
    const me = await tenant();
    const other = await call("/api/auth", { body: { email: me.email, password: "correct horse battery" } });
    const wrong = await call("/api/user/changePassword", {
      token: me.token,
      body: { password: "nope", newPassword: "a new password" },
    });
    expect(wrong.status).toBe(403);
    const changed = await call("/api/user/changePassword", {
      token: me.token,
      body: { password: "correct horse battery", newPassword: "a new password" },
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await call("/api/device/find", { token: me.token })).status).toBe(200);
    expect((await call("/api/device/find", { token: other.json.data.token })).status).toBe(401);
    expect((await call("/api/auth", { body: { email: me.email, password: "a new password" } })).status).toBe(200);
  });

  it("keeps the last admin and lets people edit only their own profile", async () => {
    const me = await tenant();
    const last = await call("/api/user/remove", { token: me.token, body: { id: me.userId } });
    expect([last.status, last.json.type]).toEqual([409, "conflict"]);
    const updated = await call("/api/user/update", {
      token: me.token,
      body: { id: me.userId, first: "Ada", preferences: { theme: "dark" } },
    });
    expect(updated.json.data).toMatchObject({ first: "Ada", preferences: { theme: "dark" } });
  });
});
