import { describe, expect, it } from "vitest";
import { call, unique } from "../client";
import { claimedDevice, cloudToken, tenant } from "../fixtures";
import { snapshot } from "../samples";
import { alertIds, getAlert, openWindow, raiseVia } from "./helpers";

// Who may do what with alerts, and that one account never reaches another's, even through a
// device that moved between them.

describe("alert roles", () => {
  it("lets viewers read, users acknowledge and resolve, and only admins raise and remove", async () => {
    const me = await tenant();
    const alert = await raiseVia(me);
    const [viewer, user] = [await cloudToken(me, "viewer"), await cloudToken(me, "user")];

    for (const [verb, body] of [
      ["find", {}],
      ["get", { id: alert.id }],
      ["summary", {}],
    ] as const) {
      const answer = await call(`/tok/alert/${verb}`, { token: viewer, body });
      expect(answer.status, `${verb}: ${answer.text}`).toBe(200);
    }
    const before = await snapshot();
    for (const [verb, body] of [
      ["update", { id: alert.id, acknowledged: true }],
      ["updateMany", { ids: [alert.id], resolved: true }],
      ["create", { name: "Mine" }],
      ["remove", { id: alert.id }],
    ] as const) {
      const refused = await call(`/tok/alert/${verb}`, { token: viewer, body });
      expect([refused.status, refused.json.type], verb).toEqual([403, "access_denied"]);
    }
    for (const [verb, body] of [
      ["create", { name: "Mine" }],
      ["remove", { id: alert.id }],
    ] as const) {
      const refused = await call(`/tok/alert/${verb}`, { token: user, body });
      expect([refused.status, refused.json.type], verb).toEqual([403, "access_denied"]);
    }
    expect(await snapshot()).toBe(before);

    const acknowledged = await call("/tok/alert/update", { token: user, body: { id: alert.id, acknowledged: true } });
    expect(acknowledged.json.data.acknowledgedBy).toMatch(/^token-/);
    const resolved = await call("/tok/alert/updateMany", { token: user, body: { ids: [alert.id], resolved: true } });
    expect(resolved.json.data).toEqual({ updated: 1, ids: [alert.id] });
  });
});

describe("alert tenancy", () => {
  it("answers 404 for another account's alert on every verb naming one, changing nothing", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const theirs = await raiseVia(other, { seq: unique("seq") });
    const before = await snapshot();
    for (const [verb, body] of [
      ["get", { id: theirs.id }],
      ["update", { id: theirs.id, acknowledged: true }],
      ["update", { id: theirs.id, resolved: true }],
      ["updateMany", { ids: [theirs.id], resolved: true }],
      ["remove", { id: theirs.id }],
    ] as const) {
      const answer = await call(`/api/alert/${verb}`, { token: me.token, body });
      expect([answer.status, answer.json.type], verb).toEqual([404, "not_found"]);
    }
    expect(await alertIds(me)).toEqual([]);
    expect((await call("/api/alert/summary", { token: me.token })).json.data.open).toBe(0);
    expect(await snapshot()).toBe(before);
  });

  it("refuses another account's device in alert/create with 404", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const theirs = await claimedDevice(other);
    const before = await snapshot();
    const answer = await call("/api/alert/create", { token: me.token, body: { name: "x", deviceId: theirs } });
    expect([answer.status, answer.json.message]).toEqual([404, "Cannot find device"]);
    expect(await snapshot()).toBe(before);
  });

  it("leaves a released device's alerts and windows with the account that raised them", async () => {
    const [first, second] = [await tenant(), await tenant()];
    const deviceId = await claimedDevice(first);
    const seq = unique("seq");
    const window = await openWindow(first, { scope: "device", targetId: deviceId });
    const old = await raiseVia(first, { deviceId, seq, severity: "critical" });
    expect(old.silencedBy).toBe(window.id);

    const released = await call("/api/device/release", { token: first.token, body: { id: deviceId } });
    expect(released.status, released.text).toBe(200);
    const claimed = await call("/api/device/claim", { token: second.token, body: { id: deviceId } });
    expect(claimed.status, claimed.text).toBe(200);

    expect(await alertIds(second, { deviceId })).toEqual([]);
    const summary = await call("/api/alert/summary", { token: second.token });
    expect(summary.json.data).toMatchObject({ open: 0, silenced: 0 });
    const hidden = await call("/api/alert/get", { token: second.token, body: { id: old.id } });
    expect(hidden.status).toBe(404);
    // The same seq in the new account is its own alert, and the old account's window silences nothing there.
    const fresh = await raiseVia(second, { deviceId, seq, severity: "critical" });
    expect(fresh).toMatchObject({ count: 1, silenced: false });
    expect(fresh.id).not.toBe(old.id);
    expect(await alertIds(second, { deviceId })).toEqual([fresh.id]);

    // The first account keeps its history, and may no longer raise alerts on the device.
    expect(await getAlert(first, old.id)).toMatchObject({ deviceId, count: 1 });
    const refused = await call("/api/alert/create", { token: first.token, body: { name: "x", deviceId, seq } });
    expect([refused.status, refused.json.message]).toEqual([404, "Cannot find device"]);
  });
});

describe("alert bad input", () => {
  it("refuses wrong values with a 4xx naming the field, storing nothing", async () => {
    const me = await tenant();
    const alert = await raiseVia(me);
    const before = await snapshot();
    for (const [verb, body, field] of [
      ["create", { name: "" }, "name"],
      ["create", { name: "x", severity: "dire" }, "severity"],
      ["create", { name: "x", context: [1, 2] }, "context"],
      ["create", { name: "x", seq: "s".repeat(201) }, "seq"],
      ["update", { id: alert.id, acknowledged: "yes" }, "acknowledged"],
      ["updateMany", { ids: [], resolved: true }, "ids"],
      ["updateMany", { ids: Array.from({ length: 501 }, () => alert.id), resolved: true }, "ids"],
      ["get", { id: "" }, "id"],
    ] as const) {
      const answer = await call(`/api/alert/${verb}`, { token: me.token, body });
      expect([answer.status, answer.json.type], `${verb} ${JSON.stringify(body).slice(0, 80)}`).toEqual([
        400,
        "validation_error",
      ]);
      expect(answer.json.fields[0].name).toBe(field);
    }
    expect(await snapshot()).toBe(before);
  });
});
