import { describe, expect, it } from "vitest";
import { transaction } from "../../../lib/db/client";
import { raiseAlert } from "../../../lib/services/alerts";
import { activeWindow } from "../../../lib/services/maintenance";
import { call, unique } from "../client";
import { claimedDevice, cloudToken, owner, product, registeredDevice, tenant, type Session } from "../fixtures";
import { snapshot } from "../samples";
import { auditLines, getAlert, inHours, openWindow, raiseVia } from "./helpers";

// Maintenance windows: what they may name, when they are active, and that alerts raised in one are
// recorded and marked silenced.

const raise = (me: Session, deviceId: string | null) =>
  transaction((tx) => raiseAlert(tx, { accountId: me.accountId, deviceId, name: "Hot", severity: "error", by: "t" }));

const productOf = async (me: Session, deviceId: string) =>
  (await call("/api/device/get", { token: me.token, body: { id: deviceId } })).json.data.productId as string;

describe("maintenance windows", () => {
  it("creates, lists and removes a window, with an audit entry for each change", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const until = inHours(2);
    const window = await openWindow(me, { scope: "device", targetId: deviceId.toLowerCase(), until, reason: "Swap" });
    expect(window).toMatchObject({ scope: "device", targetId: deviceId, until, reason: "Swap", active: true });
    expect(window.createdBy).toBe(me.email);
    const later = await openWindow(me, { scope: "account", starts: inHours(1), until: inHours(3) });
    expect(later).toMatchObject({ targetId: "", active: false });

    const listed = await call("/api/maintenance/find", { token: me.token });
    expect(listed.json.data.map((w: { id: string }) => w.id)).toEqual([later.id, window.id]);
    const device = await call("/api/maintenance/find", { token: me.token, body: { scope: "device" } });
    expect(device.json.data).toEqual([window]);

    const removed = await call("/api/maintenance/remove", { token: me.token, body: { id: window.id } });
    expect(removed.json.data).toEqual({ id: window.id, removed: true });
    const again = await call("/api/maintenance/remove", { token: me.token, body: { id: window.id } });
    expect([again.status, again.json.message]).toEqual([404, "Cannot find maintenance window"]);
    expect(await auditLines(me)).toEqual(
      expect.arrayContaining([
        `maintenance.create ${window.id} device ${deviceId} until ${until}`,
        `maintenance.remove ${window.id} Swap`,
      ]),
    );
  });

  it("refuses bad times and targets with 400 naming the field, storing nothing", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const before = await snapshot();
    for (const [body, field] of [
      [{ scope: "account", starts: inHours(2), until: inHours(1) }, "until"],
      [{ scope: "account", starts: inHours(-3), until: inHours(-1) }, "until"],
      [{ scope: "account", until: inHours(24 * 367) }, "until"],
      [{ scope: "account", starts: "0000-01-01T00:00:00Z" }, "starts"],
      [{ scope: "account", targetId: deviceId }, "targetId"],
      [{ scope: "device" }, "targetId"],
      [{ scope: "product", targetId: "" }, "targetId"],
      [{ scope: "account", reason: " " }, "reason"],
      [{ scope: "galaxy" }, "scope"],
    ] as Array<[Record<string, unknown>, string]>) {
      const answer = await call("/api/maintenance/create", {
        token: me.token,
        body: { until: inHours(1), reason: "Work", ...body },
      });
      expect([answer.status, answer.json.type], JSON.stringify(body)).toEqual([400, "validation_error"]);
      expect(answer.json.fields.map((f: { name: string }) => f.name)).toEqual([field]);
    }
    expect(await snapshot()).toBe(before);
  });

  it("names only the account's devices, and products its devices use (any product for the owner)", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const mine = await claimedDevice(me);
    const theirs = await claimedDevice(other);
    const unused = await product();
    const refused = [
      ["device", theirs, "Cannot find device"],
      ["device", await registeredDevice(), "Cannot find device"],
      ["product", await productOf(other, theirs), "Cannot find product"],
      ["product", unused.id, "Cannot find product"],
    ] as const;
    const before = await snapshot();
    for (const [scope, targetId, message] of refused) {
      const answer = await call("/api/maintenance/create", {
        token: me.token,
        body: { scope, targetId, until: inHours(1), reason: "Work" },
      });
      expect([answer.status, answer.json.message], `${scope} ${targetId}`).toEqual([404, message]);
    }
    expect(await snapshot()).toBe(before);
    await openWindow(me, { scope: "product", targetId: await productOf(me, mine) });
    // The owner, acting in the tenant's account, may name any product, but not one that is none.
    const boss = await owner();
    const named = await openWindow(boss, { accountId: me.accountId, scope: "product", targetId: unused.id });
    expect(named.targetId).toBe(unused.id);
    const none = await call("/api/maintenance/create", {
      token: boss.token,
      body: { accountId: me.accountId, scope: "product", targetId: "NOSUCHPRODUCT", until: inHours(1), reason: "x" },
    });
    expect([none.status, none.json.message]).toEqual([404, "Cannot find product"]);
  });

  it("lets viewers read windows and only admins open or end them", async () => {
    const me = await tenant();
    const window = await openWindow(me, { scope: "account" });
    const viewer = await cloudToken(me, "viewer");
    const user = await cloudToken(me, "user");
    const listed = await call("/tok/maintenance/find", { token: viewer });
    expect(listed.json.data).toEqual([window]);
    const before = await snapshot();
    for (const token of [viewer, user]) {
      for (const [verb, body] of [
        ["create", { scope: "account", until: inHours(1), reason: "Mine" }],
        ["remove", { id: window.id }],
      ] as const) {
        const refused = await call(`/tok/maintenance/${verb}`, { token, body });
        expect([refused.status, refused.json.type], verb).toEqual([403, "access_denied"]);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers 404 for another account's window and leaves it be", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const theirs = await openWindow(other, { scope: "account" });
    const before = await snapshot();
    const answer = await call("/api/maintenance/remove", { token: me.token, body: { id: theirs.id } });
    expect([answer.status, answer.json.type]).toEqual([404, "not_found"]);
    expect((await call("/api/maintenance/find", { token: me.token })).json.data).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});

describe("silencing", () => {
  it("marks an alert of a device in its own window silenced, and no other device's", async () => {
    const me = await tenant();
    const [quiet, loud] = [await claimedDevice(me), await claimedDevice(me)];
    const window = await openWindow(me, { scope: "device", targetId: quiet });
    const silenced = await raise(me, quiet);
    expect(silenced).toMatchObject({ silenced: true, alert: { silenced: true, silencedBy: window.id } });
    expect(await raise(me, loud)).toMatchObject({ silenced: false, alert: { silenced: false, silencedBy: null } });
    expect(await raise(me, null)).toMatchObject({ silenced: false });
  });

  it("silences every device of a product in the product's window", async () => {
    const me = await tenant();
    const { token: productToken, id: productId } = await product();
    const made = [await registeredDevice(productToken), await registeredDevice(productToken)];
    for (const id of made) await call("/api/device/claim", { token: me.token, body: { id } });
    const elsewhere = await claimedDevice(me);
    const window = await openWindow(me, { scope: "product", targetId: productId });
    for (const id of made) expect((await raise(me, id)).alert.silencedBy).toBe(window.id);
    expect((await raise(me, elsewhere)).silenced).toBe(false);
  });

  it("silences the whole account in an account window, through alert/create too", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const window = await openWindow(me, { scope: "account", reason: "Move" });
    expect((await raise(me, null)).alert.silencedBy).toBe(window.id);
    expect(await raiseVia(me, { deviceId })).toMatchObject({ silenced: true, silencedBy: window.id });
    const other = await tenant();
    expect((await raise(other, null)).silenced).toBe(false);
  });

  it("silences only between starts and until, and not after the window is removed", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const starts = inHours(1);
    const until = inHours(2);
    const window = await openWindow(me, { scope: "device", targetId: deviceId, starts, until });
    expect((await raise(me, deviceId)).silenced).toBe(false);
    const at = (time: string, ms: number) =>
      transaction((tx) => activeWindow(tx, { accountId: me.accountId, deviceId, at: new Date(Date.parse(time) + ms) }));
    expect(await at(starts, -1)).toBeNull();
    expect(await at(starts, 0)).toMatchObject({ id: window.id, active: true });
    expect(await at(until, -1)).toMatchObject({ id: window.id });
    expect(await at(until, 0)).toBeNull();

    const now = await openWindow(me, { scope: "device", targetId: deviceId });
    expect((await raise(me, deviceId)).alert.silencedBy).toBe(now.id);
    await call("/api/maintenance/remove", { token: me.token, body: { id: now.id } });
    expect((await raise(me, deviceId)).silenced).toBe(false);
  });

  it("marks a repeat by the window it fell in, keeping the alert in the badge's silenced count", async () => {
    const me = await tenant();
    const seq = unique("seq");
    const first = await raiseVia(me, { seq, severity: "critical" });
    expect(first.silenced).toBe(false);
    const window = await openWindow(me, { scope: "account" });
    const repeat = await raiseVia(me, { seq, severity: "critical" });
    expect(repeat).toMatchObject({ id: first.id, count: 2, silencedBy: window.id });
    const summary = await call("/api/alert/summary", { token: me.token });
    expect(summary.json.data).toMatchObject({ open: 0, silenced: 1 });
    expect((await getAlert(me, first.id)).silenced).toBe(true);
  });
});
