import { describe, expect, it } from "vitest";
import { startActions } from "../../../lib/worker/actions";
import { unique } from "../client";
import { claimedDevice, tenant } from "../fixtures";
import { alertsOf, runsOf, sendPoints } from "./engine";
import { createAction, invoke } from "./helpers";

// The action engine as the worker runs it (decision 018): on the real clock, ticking by itself
// and hearing ingest; once stopped, it hears nothing.

describe("the actions worker", () => {
  it("runs invoked actions and fires on points as they are stored, until stopped", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const metric = unique("temp");
    const hot = await createAction(me, {
      trigger: "metric",
      metric,
      dimensions: { Device: "*" },
      statistic: "current",
      period: 60,
      expression: "value > 30",
      type: "alert",
    });
    const manual = await createAction(me, { type: "alert" });
    const point = (value: number) => [{ metric, value, timestamp: Date.now(), dimensions: { Device: device } }];
    const worker = startActions();
    try {
      // A tick loads the actions before it takes queued runs: once this ran, the metric action is watched.
      const queued = await invoke(me, manual.name);
      await expect
        .poll(async () => (await runsOf(manual.id)).find((run) => run.id === queued.id)?.outcome)
        .toBe("succeeded");
      await sendPoints(me, point(31));
      await expect.poll(async () => (await alertsOf(hot.id)).map((alert) => alert.state)).toEqual(["open"]);
    } finally {
      await worker.stop();
    }
    // Stopped: a point that would clear the condition reaches nothing.
    await sendPoints(me, point(20));
    await worker.engine.idle();
    expect((await alertsOf(hot.id)).map((alert) => alert.state)).toEqual(["open"]);
    expect(await runsOf(hot.id)).toHaveLength(1);
  });
});
