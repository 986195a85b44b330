import { describe, expect, it } from "vitest";
import { findAlert, updateAlertRow } from "../../../lib/db/alerts";
import { db, transaction } from "../../../lib/db/client";
import { env } from "../../../lib/env";
import { raiseAlert, resolveAlerts, type RaiseInput } from "../../../lib/services/alerts";
import { call, unique } from "../client";
import { claimedDevice, tenant, type Session } from "../fixtures";
import { snapshot } from "../samples";
import { alertIds, getAlert } from "./helpers";

// raiseAlert and resolveAlerts as the action engine calls them: in a transaction of the caller's,
// de-duplicated by seq in the database however many raise at once.

const raise = (input: RaiseInput) => transaction((tx) => raiseAlert(tx, input));
const resolve = (accountId: string, seq: string) =>
  transaction((tx) => resolveAlerts(tx, { accountId, seq, by: "action Hot" }));
/**
 * `n` raises, each in a transaction of its own. On PostgreSQL all of them are open before any
 * raises, so that the raises truly race; on SQLite transactions run one at a time (decision 011),
 * where waiting for the others would wait forever.
 */
function raiseTogether(n: number, input: RaiseInput) {
  let arrived = 0;
  let allOpen!: () => void;
  const open = new Promise<void>((resolve) => (allOpen = resolve));
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      transaction(async (tx) => {
        if (env().engine === "postgres" && ++arrived === n) allOpen();
        if (env().engine === "postgres") await open;
        return raiseAlert(tx, { ...input, context: { i } });
      }),
    ),
  );
}

const hot = (me: Session, more: Partial<RaiseInput> = {}): RaiseInput => ({
  accountId: me.accountId,
  name: "Hot",
  severity: "critical",
  by: "action Hot",
  ...more,
});

describe("raiseAlert", () => {
  it("records a new alert, then counts a repeat of its seq on it", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const seq = unique("seq");
    const first = await raise(hot(me, { deviceId, seq, message: "31 °C", context: { value: 31 } }));
    expect(first).toMatchObject({ created: true, silenced: false });
    expect(first.alert).toMatchObject({
      deviceId,
      name: "Hot",
      severity: "critical",
      seq,
      count: 1,
      state: "open",
      message: "31 °C",
      context: { value: 31, raisedBy: "action Hot" },
      acknowledged: false,
      resolved: false,
      silenced: false,
    });
    expect(first.alert.updated).toBe(first.alert.created);
    await call("/api/alert/update", { token: me.token, body: { id: first.alert.id, acknowledged: true } });

    const repeat = await raise(hot(me, { deviceId, seq, message: "33 °C", context: { value: 33 } }));
    expect(repeat.created).toBe(false);
    expect(repeat.alert).toMatchObject({
      id: first.alert.id,
      count: 2,
      message: "33 °C",
      context: { value: 33, raisedBy: "action Hot" },
      state: "acknowledged",
      acknowledged: true,
    });
    expect(repeat.alert.created).toBe(first.alert.created);
    expect(Date.parse(repeat.alert.updated)).toBeGreaterThanOrEqual(Date.parse(first.alert.updated));
    expect(await getAlert(me, first.alert.id)).toEqual(repeat.alert);
  });

  it("counts ten concurrent raises of one seq on one alert", async () => {
    const me = await tenant();
    const seq = unique("storm");
    const raised = await raiseTogether(10, hot(me, { seq, severity: "warning" }));
    expect(raised.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(raised.map((r) => r.alert.id)).size).toBe(1);
    const found = await call("/api/alert/find", { token: me.token, body: { seq } });
    expect(found.json.data).toHaveLength(1);
    expect(found.json.data[0].count).toBe(10);
  });

  it("never counts raises without a seq together", async () => {
    const me = await tenant();
    const [a, b] = [await raise(hot(me)), await raise(hot(me))];
    expect([a.created, b.created]).toEqual([true, true]);
    expect(a.alert.id).not.toBe(b.alert.id);
    expect((await alertIds(me, { name: "Hot" })).sort()).toEqual([a.alert.id, b.alert.id].sort());
  });

  it("keeps one seq's alerts apart per account", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const seq = unique("shared");
    const mine = await raise(hot(me, { seq }));
    const theirs = await raise(hot(other, { seq }));
    expect(theirs.created).toBe(true);
    expect(theirs.alert.id).not.toBe(mine.alert.id);
    expect((await getAlert(me, mine.alert.id)).count).toBe(1);
  });

  it("refuses a device that is not the account's with 404, storing nothing", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const theirs = await claimedDevice(other);
    const before = await snapshot();
    for (const deviceId of [theirs, "NOSUCHDEVICE"])
      await expect(raise(hot(me, { deviceId, seq: unique("s") }))).rejects.toMatchObject({
        type: "not_found",
        message: "Cannot find device",
      });
    expect(await snapshot()).toBe(before);
  });

  it("names the device as stored, whatever case and dashes it was given in", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const typed = `${deviceId.slice(0, 4).toLowerCase()}-${deviceId.slice(4)}`;
    expect((await raise(hot(me, { deviceId: typed }))).alert.deviceId).toBe(deviceId);
  });
});

describe("resolveAlerts", () => {
  it("resolves the unresolved alert of its seq, and the next raise of the seq is a new alert", async () => {
    const me = await tenant();
    const seq = unique("clear");
    const other = await raise(hot(me, { seq: unique("other") }));
    const first = await raise(hot(me, { seq }));
    expect(await resolve(me.accountId, seq)).toBe(1);
    const resolved = await getAlert(me, first.alert.id);
    expect(resolved).toMatchObject({ state: "resolved", resolved: true, resolvedBy: "action Hot" });
    expect(resolved.updated).toBe(first.alert.updated);
    expect((await getAlert(me, other.alert.id)).state).toBe("open");
    expect(await resolve(me.accountId, seq)).toBe(0);

    const again = await raise(hot(me, { seq }));
    expect(again.created).toBe(true);
    expect(again.alert.id).not.toBe(first.alert.id);
    expect((await getAlert(me, first.alert.id)).state).toBe("resolved");
  });

  it("touches no alert of another account, and none for an empty seq", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const seq = unique("mine");
    const theirs = await raise(hot(other, { seq }));
    await raise(hot(me));
    expect(await resolve(me.accountId, seq)).toBe(0);
    expect(await resolve(me.accountId, "")).toBe(0);
    expect((await getAlert(other, theirs.alert.id)).state).toBe("open");
    expect(await db().alert.count({ where: { accountId: me.accountId, state: "resolved" } })).toBe(0);
  });
});

describe("the unique (accountId, openSeq)", () => {
  it("refuses a reopen that would make a second unresolved alert of a seq, whatever looked before", async () => {
    const me = await tenant();
    const seq = unique("seq");
    const old = await raise(hot(me, { seq }));
    await resolve(me.accountId, seq);
    await raise(hot(me, { seq }));
    const record = (await findAlert(db(), me.accountId, old.alert.id))!;
    const { acknowledgedAt, acknowledgedBy } = record;
    const reopen = { state: "open" as const, acknowledgedAt, acknowledgedBy, resolvedAt: null, resolvedBy: null };
    let written: Awaited<ReturnType<typeof updateAlertRow>> | undefined;
    // The service ends its transaction on a refusal (on PostgreSQL the refused statement aborted it).
    const ended = new Error("refused, rolled back");
    await expect(
      transaction(async (tx) => {
        written = await updateAlertRow(tx, record, reopen);
        throw ended;
      }),
    ).rejects.toBe(ended);
    expect(written).toEqual({ refused: "seq open" });
    expect((await getAlert(me, old.alert.id)).state).toBe("resolved");
  });
});
