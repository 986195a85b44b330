import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { call, unique } from "../client";
import { claimedDevice, tenant, type Session } from "../fixtures";
import { alertsOf, minutesAgo, runsOf, sendPoints, TestEngine } from "./engine";
import { createAction, invoke } from "./helpers";

// What the engine's steps do (decision 018), run by its executor from queued runs (action/invoke
// queues one): an alert, a resolve, a device command pushed through the outbox, a Store value, a
// metric point; a maintenance window skips device-bound steps but an alert's; a failing step fails
// its run and nothing else.

/** Invokes the action and lets an engine take and run the queued run. */
async function invokeAndRun(me: Session, name: string, context: Record<string, unknown> = {}) {
  const queued = await invoke(me, name, context);
  await new TestEngine(Date.now()).tick();
  return db().actionRun.findUniqueOrThrow({ where: { id: queued.id } });
}

const commandsOf = (deviceId: string) =>
  db().deviceItem.findMany({ where: { deviceId, type: "Command" }, orderBy: { updated: "asc" } });

describe("action steps", () => {
  it("device: writes a Command for the device, queued to it through the outbox, audited as the action's", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await createAction(me, {
      type: "device",
      destination: device,
      args: { command: "reboot", args: { delay: 5 } },
    });
    const run = await invokeAndRun(me, action.name);
    expect(run).toMatchObject({ outcome: "succeeded", error: "", lease: null });
    expect(run.duration).toBeGreaterThanOrEqual(0);
    const [command, ...more] = await commandsOf(device);
    expect(more).toEqual([]);
    expect(JSON.parse(command!.fields)).toMatchObject({ command: "reboot", args: { delay: 5 } });
    const messages = await db().deviceMessage.findMany({ where: { deviceId: device } });
    expect(messages.map((m) => m.topic)).toContain(`ioto/device/${device}/sync/UPSERT`);
    const audit = await call("/api/audit/find", { token: me.token });
    expect(audit.json.data).toContainEqual(
      expect.objectContaining({
        action: "device.command",
        target: `${device} reboot`,
        actor: { kind: "system", id: action.id, label: `action ${action.name}` },
        requestId: run.id,
      }),
    );
  });

  it("device: without a destination, acts on the trigger's device", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await createAction(me, { type: "device", args: { command: "update" } });
    expect((await invokeAndRun(me, action.name, { deviceId: device })).outcome).toBe("succeeded");
    expect(await commandsOf(device)).toHaveLength(1);
  });

  it("database: sets the device's Store value, a text value as a template", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await createAction(me, { type: "database", args: { key: "mode", value: "alarm at ${value}" } });
    expect((await invokeAndRun(me, action.name, { deviceId: device, value: 42 })).outcome).toBe("succeeded");
    const stored = await call("/api/store/get", { token: me.token, body: { deviceId: device, key: "mode" } });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json.data).toMatchObject({ key: "mode", value: "alarm at 42" });
  });

  it("metric: emits a point through the metric service", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const metric = unique("alarms");
    const action = await createAction(me, {
      type: "metric",
      args: { metric, value: 1, dimensions: { Device: "${device}" } },
    });
    expect((await invokeAndRun(me, action.name, { deviceId: device })).outcome).toBe("succeeded");
    const got = await call("/api/metric/get", {
      token: me.token,
      body: { metric, dimensions: { Device: device }, statistic: "sum", period: 3600 },
    });
    expect(got.status, got.text).toBe(200);
    expect(got.json.data.value).toBe(1);
  });

  it("metric: refuses to write the series its own action watches, failing the run", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const metric = unique("temp");
    const action = await createAction(me, {
      trigger: "metric",
      metric,
      dimensions: { Device: "*" },
      statistic: "current",
      period: 60,
      expression: "value > 30",
      type: "metric",
      args: { metric, value: 0, dimensions: { Device: "${device}" } },
    });
    const base = minutesAgo(20);
    const engine = new TestEngine(base);
    await engine.tick();
    await sendPoints(me, [{ metric, value: 31, timestamp: base, dimensions: { Device: device } }]);
    await engine.idle();
    const [run] = await runsOf(action.id);
    expect(run).toMatchObject({ outcome: "failed" });
    expect(run!.error).toMatch(/may not write the series its own action watches/);
    const series = await db().metricSeries.findFirstOrThrow({ where: { accountId: me.accountId, metric } });
    expect(series.last).toBe(31);
  });

  it("resolve: resolves the alert another action raised, by its name or by seq", async () => {
    const me = await tenant();
    const raiser = await createAction(me, { type: "alert", args: { seq: "door-${door}" } });
    const byName = await createAction(me, { type: "resolve", args: { action: raiser.name } });
    const bySeq = await createAction(me, { type: "resolve", args: { seq: "door-${door}" } });
    await invokeAndRun(me, raiser.name, { door: "A" });
    await invokeAndRun(me, raiser.name, { door: "B" });
    expect((await alertsOf(raiser.id)).map((a) => [a.seq, a.state])).toEqual([
      ["door-A", "open"],
      ["door-B", "open"],
    ]);
    expect((await invokeAndRun(me, byName.name, { door: "A" })).outcome).toBe("succeeded");
    expect((await invokeAndRun(me, bySeq.name, { door: "B" })).outcome).toBe("succeeded");
    expect((await alertsOf(raiser.id)).map((a) => a.state)).toEqual(["resolved", "resolved"]);
  });

  it("skips device-bound steps for a device in a maintenance window, and records an alert step's alert silenced", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const window = await call("/api/maintenance/create", {
      token: me.token,
      body: {
        scope: "device",
        targetId: device,
        until: new Date(Date.now() + 3_600_000).toISOString(),
        reason: "firmware upgrade",
      },
    });
    expect(window.status, window.text).toBe(200);
    const command = await createAction(me, { type: "device", args: { command: "reboot" } });
    const skipped = await invokeAndRun(me, command.name, { deviceId: device });
    expect(skipped).toMatchObject({ outcome: "skipped" });
    expect(skipped.error).toMatch(/^In maintenance window until .*: firmware upgrade$/);
    expect(await commandsOf(device)).toEqual([]);

    const alert = await createAction(me, { type: "alert" });
    expect((await invokeAndRun(me, alert.name, { deviceId: device })).outcome).toBe("succeeded");
    expect(await alertsOf(alert.id)).toMatchObject([{ deviceId: device, silencedBy: window.json.data.id }]);
  });

  it("fails a run whose step cannot act, with its reason, and runs the next one", async () => {
    const me = await tenant();
    const action = await createAction(me, { type: "device", args: { command: "reboot" } });
    const failed = await invokeAndRun(me, action.name);
    expect(failed).toMatchObject({ outcome: "failed", lease: null });
    expect(failed.error).toMatch(/^No device to act on/);
    const device = await claimedDevice(me);
    expect((await invokeAndRun(me, action.name, { deviceId: device })).outcome).toBe("succeeded");
  });

  it("runs a queued run once when two engines look for it, and takes over one a dead worker left running", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await createAction(me, { type: "device", destination: device, args: { command: "reboot" } });
    const queued = await invoke(me, action.name);
    const now = Date.now();
    await Promise.all([new TestEngine(now), new TestEngine(now)].map((engine) => engine.tick()));
    expect(await commandsOf(device)).toHaveLength(1);
    expect(await db().actionRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      outcome: "succeeded",
    });

    // Left running by a worker that stopped: another takes it once its lease has ended.
    const abandoned = await invoke(me, action.name);
    const lease = new Date(now + 60_000);
    await db().actionRun.update({ where: { id: abandoned.id }, data: { outcome: "running", lease } });
    await new TestEngine(now + 30_000).tick();
    expect(await db().actionRun.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({
      outcome: "running",
    });
    await new TestEngine(now + 61_000).tick();
    expect(await db().actionRun.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({
      outcome: "succeeded",
    });
    expect(await commandsOf(device)).toHaveLength(2);
  });
});
