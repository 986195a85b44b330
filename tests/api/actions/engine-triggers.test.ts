import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { advanceSchedule } from "../../../lib/db/action-triggers";
import { actionRecordOf } from "../../../lib/db/actions";
import { db } from "../../../lib/db/client";
import { newId } from "../../../lib/ids";
import { call, unique } from "../client";
import { claimedDevice, tenant, type Session } from "../fixtures";
import { connectDevice, provisionedDevice, startBroker } from "../mqtt/devices";
import { alertsOf, runsOf, TestEngine } from "./engine";
import { createAction } from "./helpers";

// Device, schedule and alert triggers (decision 018) on a controlled clock: devices connect and
// disconnect through the real broker; schedules run from the next run kept in the action's row;
// new alerts fire the account's alert actions, never the action that raised them.

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let broker: EmbeddedBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

const connectionOf = async (id: string) => (await db().device.findUniqueOrThrow({ where: { id } })).connection;
const nextRunOf = async (id: string) => (await db().action.findUniqueOrThrow({ where: { id } })).nextRun!;

async function raise(me: Session, body: Record<string, unknown>) {
  const raised = await call("/api/alert/create", { token: me.token, body: { name: unique("alert"), ...body } });
  expect(raised.status, raised.text).toBe(200);
  return raised.json.data as { id: string };
}

describe("device triggers", () => {
  it("fire once a device has been offline for `hold`, and clear (resolving the alert) when it is back", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    await expect.poll(() => connectionOf(device.id)).toBe("online");
    const action = await createAction(me, {
      trigger: "device",
      hold: 60,
      poll: 5,
      type: "alert",
      message: "${device} is offline",
    });
    const engine = new TestEngine(Date.now());
    await engine.tick();
    expect(await runsOf(action.id)).toEqual([]);

    await client.endAsync();
    await expect.poll(() => connectionOf(device.id)).toBe("offline");
    const offline = (await db().device.findUniqueOrThrow({ where: { id: device.id } })).accessed!.getTime();
    await engine.tick(offline + 30 * SECOND);
    expect(await runsOf(action.id)).toEqual([]);
    await engine.tick(offline + 60 * SECOND);
    expect(await runsOf(action.id)).toMatchObject([
      { trigger: "device", triggerKey: `${device.id}@${offline}`, deviceId: device.id, outcome: "succeeded" },
    ]);
    expect(await alertsOf(action.id)).toMatchObject([
      { deviceId: device.id, message: `${device.id} is offline`, state: "open" },
    ]);
    await engine.tick(offline + 90 * SECOND);
    expect(await runsOf(action.id)).toHaveLength(1);

    const again = await connectDevice(broker, device);
    await expect.poll(() => connectionOf(device.id)).toBe("online");
    await engine.tick(offline + 100 * SECOND);
    expect(await alertsOf(action.id)).toMatchObject([{ state: "resolved" }]);
    expect(await runsOf(action.id)).toHaveLength(1);
    again.end(true);
  });

  it("watch every device of the account, or only the one named", async () => {
    const me = await tenant();
    const [named, other] = [await claimedDevice(me), await claimedDevice(me)];
    const every = await createAction(me, { trigger: "device", hold: 60, poll: 5, type: "alert" });
    const one = await createAction(me, { trigger: "device", deviceId: named, hold: 60, poll: 5, type: "alert" });
    // Claimed and never connected: offline since the claim.
    const engine = new TestEngine(Date.now() + 10 * MINUTE);
    await engine.tick();
    expect((await runsOf(every.id)).map((run) => run.deviceId).sort()).toEqual([named, other].sort());
    expect((await runsOf(one.id)).map((run) => run.deviceId)).toEqual([named]);
  });
});

describe("schedule triggers", () => {
  it("run when due under the occurrence's time, collapse missed ones into one run, and carry on after a restart", async () => {
    const me = await tenant();
    const action = await createAction(me, { trigger: "schedule", schedule: "*/5 * * * *", type: "alert" });
    const first = await nextRunOf(action.id);
    expect(first.getTime()).toBeGreaterThan(Date.now());
    const engine = new TestEngine(first.getTime() - SECOND);
    await engine.tick();
    expect(await runsOf(action.id)).toEqual([]);

    await engine.tick(first.getTime() + SECOND);
    expect(await runsOf(action.id)).toMatchObject([
      { trigger: "schedule", triggerKey: `schedule:${first.toISOString()}`, outcome: "succeeded" },
    ]);
    const second = await nextRunOf(action.id);
    expect(second.getTime()).toBe(first.getTime() + 5 * MINUTE);
    await engine.stop();

    // A new engine, 40 minutes on: seven occurrences were missed, one run records them.
    const restarted = new TestEngine(second.getTime() + 37 * MINUTE);
    await restarted.tick();
    const runs = await runsOf(action.id);
    expect(runs.map((run) => run.triggerKey)).toEqual([
      `schedule:${first.toISOString()}`,
      `schedule:${second.toISOString()}`,
    ]);
    expect((await nextRunOf(action.id)).getTime()).toBe(second.getTime() + 40 * MINUTE);
    // The alert step's repeats count on one open alert.
    expect(await alertsOf(action.id)).toMatchObject([{ count: 2 }]);
    // Moving the schedule on is not an edit: the action's updated time is its last save.
    expect((await db().action.findUniqueOrThrow({ where: { id: action.id } })).updated.toISOString()).toBe(
      action.updated,
    );
  });

  it("move a schedule on only from the action as read: a save meanwhile wins, and the next look moves it", async () => {
    const me = await tenant();
    const action = await createAction(me, { trigger: "schedule", schedule: "*/5 * * * *", type: "alert" });
    const readRow = async () => actionRecordOf(await db().action.findUniqueOrThrow({ where: { id: action.id } }));
    const read = await readRow();
    await call("/api/action/update", { token: me.token, body: { id: action.id, message: "saved meanwhile" } });
    const later = new Date(read.nextRun!.getTime() + 5 * MINUTE);
    expect(await advanceSchedule(db(), read, later)).toBe(false);
    expect((await readRow()).nextRun).toEqual(read.nextRun);
    expect(await advanceSchedule(db(), await readRow(), later)).toBe(true);
    expect((await readRow()).nextRun).toEqual(later);
  });

  it("run once when two engines poll the same due schedule", async () => {
    const me = await tenant();
    const action = await createAction(me, { trigger: "schedule", schedule: "*/5 * * * *", type: "alert" });
    const due = (await nextRunOf(action.id)).getTime() + SECOND;
    const engines = [new TestEngine(due), new TestEngine(due)];
    await Promise.all(engines.map((engine) => engine.tick()));
    expect(await runsOf(action.id)).toHaveLength(1);
    expect(await alertsOf(action.id)).toMatchObject([{ count: 1 }]);
  });

  it("give a schedule written without a next run its first one, without running it", async () => {
    const me = await tenant();
    const action = await createAction(me, { trigger: "schedule", schedule: "0 * * * *", type: "alert" });
    await db().action.update({ where: { id: action.id }, data: { nextRun: null } });
    const now = Date.now();
    const engine = new TestEngine(now);
    await engine.tick();
    expect(await runsOf(action.id)).toEqual([]);
    expect((await nextRunOf(action.id)).getTime()).toBe(Math.floor(now / (60 * MINUTE) + 1) * 60 * MINUTE);
  });
});

describe("alert triggers", () => {
  it("fire on new unsilenced alerts of the least severity or more, once each, never on their own alerts", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await createAction(me, {
      trigger: "alert",
      minSeverity: "error",
      type: "alert",
      severity: "critical",
      message: "Escalated: ${alert.name}",
    });
    const engine = new TestEngine(Date.now());
    await engine.tick();

    const critical = await raise(me, { severity: "critical", deviceId: device });
    await raise(me, { severity: "warning" });
    await engine.tick();
    const runs = await runsOf(action.id);
    expect(runs).toMatchObject([{ trigger: "alert", triggerKey: `alert:${critical.id}`, deviceId: device }]);
    // The action's own critical alert is new too, and fires nothing.
    expect(await alertsOf(action.id)).toMatchObject([{ severity: "critical", deviceId: device }]);
    expect((await alertsOf(action.id))[0]!.message).toMatch(/^Escalated: alert-/);
    await engine.tick();
    expect(await runsOf(action.id)).toHaveLength(1);

    // An alert silenced by a maintenance window fires nothing either.
    const window = await call("/api/maintenance/create", {
      token: me.token,
      body: { scope: "account", until: new Date(Date.now() + 60 * MINUTE).toISOString(), reason: "upgrade" },
    });
    expect(window.status, window.text).toBe(200);
    await raise(me, { severity: "critical" });
    await engine.tick();
    expect(await runsOf(action.id)).toHaveLength(1);
  });

  it("go on past a burst of more alerts than one look reads, all created in the same moment", async () => {
    const me = await tenant();
    const action = await createAction(me, { trigger: "alert", minSeverity: "info", type: "alert" });
    const engine = new TestEngine(Date.now());
    await engine.tick();
    // A fleet-wide action's alerts, all at once: more than the trigger reads per look. They are
    // the action's own, so they fire nothing, and only the alert after them must.
    const burst = new Date();
    await db().alert.createMany({
      data: Array.from({ length: 1001 }, (_, index) => ({
        id: newId(burst.getTime()),
        accountId: me.accountId,
        name: `burst ${index}`,
        severity: "critical",
        actionId: action.id,
        created: burst,
        updated: burst,
      })),
    });
    await engine.tick();
    const after = await raise(me, { severity: "critical" });
    await engine.tick();
    await engine.tick();
    expect(await runsOf(action.id)).toMatchObject([{ triggerKey: `alert:${after.id}` }]);
  });

  it("never fire on another account's alerts", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const action = await createAction(me, { trigger: "alert", minSeverity: "info", type: "alert" });
    const engine = new TestEngine(Date.now());
    await engine.tick();
    await raise(other, { severity: "critical" });
    await engine.tick();
    expect(await runsOf(action.id)).toEqual([]);
  });
});
