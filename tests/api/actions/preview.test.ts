import { describe, expect, it } from "vitest";
import { call, unique } from "../client";
import { tenant, type Session } from "../fixtures";
import { snapshot } from "../samples";
import { sendPoints, seriesKey, type Point } from "./engine";

// action/preview (decision 018): the form's count of how often a metric action would have fired
// over the last days, replayed from stored rollups through the engine's own episode machine.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Two days of one device's temperature, a point every five minutes at 20, with three hot spells
 * (minutes after the start: length): 15 minutes, a single point, and 20 minutes.
 */
function twoDays(metric: string, device: string, start: number): Point[] {
  const hot = (minute: number) =>
    (minute >= 600 && minute < 615) || minute === 1200 || (minute >= 1800 && minute < 1820);
  return Array.from({ length: (2 * DAY) / (5 * MINUTE) - 1 }, (_, index) => {
    const minute = (index + 1) * 5;
    return { metric, value: hot(minute) ? 35 : 20, timestamp: start + minute * MINUTE, dimensions: { Device: device } };
  });
}

async function preview(me: Session, body: Record<string, unknown>) {
  const answer = await call("/api/action/preview", { token: me.token, body });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data as {
    firings: number;
    series: number;
    samples: number;
    times: Array<{ timestamp: number; value: number; subject: string }>;
  };
}

describe("action/preview", () => {
  it("counts the firings of the condition held, as the engine would, over every matching series", async () => {
    const me = await tenant();
    const metric = unique("temp");
    const start = Math.floor((Date.now() - 2 * DAY) / MINUTE) * MINUTE;
    await sendPoints(me, twoDays(metric, "A", start));
    await sendPoints(me, twoDays(metric, "B", start));
    const condition = { metric, dimensions: { Device: "*" }, statistic: "max", period: 300, expression: "value > 30" };

    const held = await preview(me, { ...condition, hold: 600, days: 2 });
    expect(held).toMatchObject({ firings: 4, series: 2, samples: 2 * 575 });
    expect(held.times.filter((t) => t.subject === seriesKey(metric, { Device: "A" }))).toEqual([
      { timestamp: start + 610 * MINUTE, value: 35, subject: seriesKey(metric, { Device: "A" }) },
      { timestamp: start + 1810 * MINUTE, value: 35, subject: seriesKey(metric, { Device: "A" }) },
    ]);
    expect(held.times.map((t) => t.timestamp)).toEqual([...held.times.map((t) => t.timestamp)].sort((a, b) => a - b));

    // Without a hold the single hot point fires too; within a day's rearm of the first firing,
    // the later spells are repeats that end before it does.
    expect((await preview(me, { ...condition, days: 2 })).firings).toBe(6);
    expect((await preview(me, { ...condition, rearm: 86_400, days: 2 })).firings).toBe(2);
    // One device's series only.
    expect(await preview(me, { ...condition, dimensions: { Device: "A" }, hold: 600, days: 2 })).toMatchObject({
      firings: 2,
      series: 1,
    });
  });

  it("reads coarser buckets when minute ones would be too many samples", async () => {
    const me = await tenant();
    const metric = unique("temp");
    const start = Math.floor((Date.now() - 2 * DAY) / MINUTE) * MINUTE;
    await sendPoints(me, twoDays(metric, "A", start));
    // 30 days of minutes would be 43,200 samples: hours are read instead, one sample per hour with
    // data, and each hot spell's hour has a max above the threshold.
    const answer = await preview(me, {
      metric,
      dimensions: { Device: "*" },
      statistic: "max",
      expression: "value > 30",
      days: 30,
    });
    expect(answer.samples).toBeGreaterThanOrEqual(47);
    expect(answer.samples).toBeLessThanOrEqual(49);
    expect(answer.firings).toBe(3);
  });

  it("sees only the caller's account's series", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const metric = unique("temp");
    await sendPoints(other, twoDays(metric, "A", Math.floor((Date.now() - 2 * DAY) / MINUTE) * MINUTE));
    expect(await preview(me, { metric, dimensions: { Device: "*" }, expression: "value > 30" })).toEqual({
      firings: 0,
      series: 0,
      samples: 0,
      times: [],
    });
  });

  it("refuses a condition that does not read, naming it, and changes nothing", async () => {
    const me = await tenant();
    const before = await snapshot();
    const answer = await call("/api/action/preview", {
      token: me.token,
      body: { metric: "temp", expression: "value > 30", clear: "temperature < 2" },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.fields).toEqual([
      { name: "clear", message: expect.stringMatching(/Unknown name "temperature"/) },
    ]);
    expect(await snapshot()).toBe(before);
  });
});
