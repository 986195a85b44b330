import { describe, expect, it } from "vitest";
import { unique } from "../client";
import { claimedDevice, tenant, type Session } from "../fixtures";
import { alertsOf, minutesAgo, runsOf, sendPoints, seriesKey, subjectOf, TestEngine } from "./engine";
import { createAction } from "./helpers";

// Metric triggers (decision 018) on a controlled clock: points stored through metric/set reach
// the engine once committed; a condition fires when it has held, clears with hysteresis, repeats
// wait out rearm, and an episode survives a restart and a second engine.

const SECOND = 1000;

async function metricAction(me: Session, settings: Record<string, unknown> = {}) {
  return createAction(me, {
    trigger: "metric",
    metric: unique("temp"),
    dimensions: { Device: "*" },
    statistic: "max",
    period: 300,
    expression: "value > 30",
    poll: 5,
    type: "alert",
    severity: "critical",
    message: "${device} is at ${value}",
    ...settings,
  });
}

/** Points of the action's metric for one device: [seconds after `base`, value]. */
function pointsAt(metric: string, device: string, base: number, values: Array<[number, number]>) {
  return values.map(([seconds, value]) => ({
    metric,
    value,
    timestamp: base + seconds * SECOND,
    dimensions: { Device: device },
  }));
}

describe("metric triggers", () => {
  it("fire only once the condition has held for `hold`, counted from the point that made it true", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await metricAction(me, { hold: 120 });
    const metric = action.metric as string;
    const base = minutesAgo(30);
    const engine = new TestEngine(base);
    await engine.tick();

    await sendPoints(me, pointsAt(metric, device, base, [[0, 31]]));
    await engine.idle();
    const subject = seriesKey(metric, { Device: device });
    expect(await subjectOf(action.id, subject)).toMatchObject({ state: "pending", since: new Date(base) });
    await sendPoints(me, pointsAt(metric, device, base, [[60, 32]]));
    await engine.tick(base + 115 * SECOND);
    expect(await runsOf(action.id)).toEqual([]);

    // No new point: the next poll (every 5 s) finds the condition held.
    await engine.tick(base + 120 * SECOND);
    const [run, ...more] = await runsOf(action.id);
    expect(more).toEqual([]);
    expect(run).toMatchObject({
      trigger: "metric",
      triggerKey: `${subject}@${base}`,
      deviceId: device,
      outcome: "succeeded",
      context: { value: 32, metric, device, subject, statistic: "max" },
    });
    const [alert] = await alertsOf(action.id);
    expect(alert).toMatchObject({
      deviceId: device,
      severity: "critical",
      message: `${device} is at 32`,
      seq: `action:${action.id}:${subject}`,
      state: "open",
      count: 1,
    });
    expect(await subjectOf(action.id, subject)).toMatchObject({
      state: "firing",
      fired: new Date(base + 120 * SECOND),
    });

    // Still firing: neither polls nor further hot points fire again.
    await sendPoints(me, pointsAt(metric, device, base, [[150, 35]]));
    await engine.tick(base + 200 * SECOND);
    expect(await runsOf(action.id)).toHaveLength(1);
  });

  it("fires at once on backfilled points whose own times already span the hold", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await metricAction(me, { hold: 120 });
    const now = Date.now();
    const engine = new TestEngine(now);
    await engine.tick();
    await sendPoints(
      me,
      pointsAt(action.metric as string, device, now, [
        [-180, 35],
        [-120, 36],
        [-60, 37],
        [0, 38],
      ]),
    );
    await engine.idle();
    const runs = await runsOf(action.id);
    expect(runs.map((run) => run.triggerKey)).toEqual([
      `${seriesKey(action.metric as string, { Device: device })}@${now - 180 * SECOND}`,
    ]);
    expect(runs[0]!.context.value).toBe(37); // the max of the period when the hold was met, at now - 60 s
  });

  it("take up stored points for an action saved just after them: they count from their own times", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const metric = unique("temp");
    const now = Date.now();
    const engine = new TestEngine(now);
    await engine.tick();
    // Stored before the engine heard of the action (as a form saved while a device backfills).
    const hot: Array<[number, number]> = [
      [-180, 35],
      [-120, 36],
      [-60, 37],
    ];
    await sendPoints(me, pointsAt(metric, device, now, hot));
    const action = await metricAction(me, { metric, hold: 120 });
    await engine.tick();
    expect((await runsOf(action.id)).map((run) => run.triggerKey)).toEqual([
      `${seriesKey(metric, { Device: device })}@${now - 180 * SECOND}`,
    ]);
  });

  it("clear only when the clear condition holds (hysteresis), and then resolve the alert they raised", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await metricAction(me, { statistic: "current", period: 60, clear: "value < 28" });
    const metric = action.metric as string;
    const base = minutesAgo(30);
    const engine = new TestEngine(base);
    await engine.tick();

    await sendPoints(me, pointsAt(metric, device, base, [[0, 31]]));
    await engine.idle();
    expect(await alertsOf(action.id)).toMatchObject([{ state: "open" }]);
    // Between the two thresholds: still firing, the alert stays open.
    await sendPoints(me, pointsAt(metric, device, base, [[10, 29]]));
    await sendPoints(me, pointsAt(metric, device, base, [[20, 28]]));
    await engine.tick(base + 25 * SECOND);
    expect(await alertsOf(action.id)).toMatchObject([{ state: "open" }]);
    expect(await subjectOf(action.id, seriesKey(metric, { Device: device }))).toMatchObject({ state: "firing" });

    await sendPoints(me, pointsAt(metric, device, base, [[30, 27.5]]));
    await engine.idle();
    const [alert] = await alertsOf(action.id);
    expect(alert).toMatchObject({ state: "resolved", resolvedBy: `action ${action.name}` });
    expect(await subjectOf(action.id, seriesKey(metric, { Device: device }))).toMatchObject({ state: "clear" });
    expect(await runsOf(action.id)).toHaveLength(1);

    // A new episode raises a new alert.
    await sendPoints(me, pointsAt(metric, device, base, [[40, 33]]));
    await engine.idle();
    expect((await alertsOf(action.id)).map((a) => a.state)).toEqual(["resolved", "open"]);
  });

  it("record nothing for a repeat within rearm, and fire again once rearm has passed", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await metricAction(me, { statistic: "current", period: 60, rearm: 600 });
    const metric = action.metric as string;
    const base = minutesAgo(40);
    const engine = new TestEngine(base);
    await engine.tick();

    await sendPoints(me, pointsAt(metric, device, base, [[0, 31]]));
    await sendPoints(me, pointsAt(metric, device, base, [[10, 20]]));
    await sendPoints(me, pointsAt(metric, device, base, [[20, 31]])); // within rearm
    await sendPoints(me, pointsAt(metric, device, base, [[30, 20]]));
    await engine.idle();
    expect(await runsOf(action.id)).toHaveLength(1);

    engine.now = base + 700 * SECOND;
    await sendPoints(me, pointsAt(metric, device, base, [[700, 32]]));
    await engine.idle();
    const runs = await runsOf(action.id);
    const subject = seriesKey(metric, { Device: device });
    expect(runs.map((run) => run.triggerKey)).toEqual([`${subject}@${base}`, `${subject}@${base + 700 * SECOND}`]);
  });

  it("watch each matching series as a subject of its own, and only the dimensions asked for", async () => {
    const me = await tenant();
    const [first, second] = [await claimedDevice(me), await claimedDevice(me)];
    const metric = unique("temp");
    const everyDevice = await metricAction(me, { metric, statistic: "current", period: 60 });
    const firstOnly = await metricAction(me, {
      metric,
      statistic: "current",
      period: 60,
      dimensions: { Device: first },
    });
    const base = minutesAgo(30);
    const engine = new TestEngine(base);
    await engine.tick();
    await sendPoints(me, [
      ...pointsAt(metric, first, base, [[0, 31]]),
      ...pointsAt(metric, second, base, [[0, 31]]),
      // Another dimension set of the same metric is another series, which neither action watches.
      { metric, value: 99, timestamp: base, dimensions: { Device: first, Sensor: "inlet" } },
    ]);
    await engine.idle();
    expect((await runsOf(everyDevice.id)).map((run) => run.deviceId).sort()).toEqual([first, second].sort());
    expect((await runsOf(firstOnly.id)).map((run) => run.deviceId)).toEqual([first]);
  });

  it("carry an episode over a restart: a new engine fires the pending one under the same key", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await metricAction(me, { hold: 120 });
    const metric = action.metric as string;
    const base = minutesAgo(30);
    const before = new TestEngine(base);
    await before.tick();
    await sendPoints(me, pointsAt(metric, device, base, [[0, 31]]));
    await before.idle();
    await before.stop();

    const after = new TestEngine(base + 130 * SECOND);
    await after.tick();
    const runs = await runsOf(action.id);
    expect(runs.map((run) => run.triggerKey)).toEqual([`${seriesKey(metric, { Device: device })}@${base}`]);
  });

  it("record one run and one alert when two engines on one database see the same points", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const action = await metricAction(me, { hold: 60 });
    const metric = action.metric as string;
    const base = minutesAgo(30);
    const engines = [new TestEngine(base), new TestEngine(base)];
    await Promise.all(engines.map((engine) => engine.tick()));
    await sendPoints(me, pointsAt(metric, device, base, [[0, 31]]));
    await sendPoints(me, pointsAt(metric, device, base, [[70, 32]]));
    await Promise.all(engines.map((engine) => engine.idle()));
    // Both poll past the hold as well.
    await Promise.all(engines.map((engine) => engine.tick(base + 90 * SECOND)));
    expect(await runsOf(action.id)).toMatchObject([{ outcome: "succeeded" }]);
    expect(await alertsOf(action.id)).toMatchObject([{ count: 1 }]);
  });
});
