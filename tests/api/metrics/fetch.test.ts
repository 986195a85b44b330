import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../client";
import { tenant, type Session } from "../fixtures";

// metric/fetch: buckets, gaps, coarsening, time zones, and metric/get.

const MINUTE = 60_000;
const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
});

async function write(session: Session, metric: string, points: Array<[number, number]>) {
  const body = { points: points.map(([timestamp, value]) => ({ metric, value, timestamp })) };
  const answer = await call("/api/metric/set", { token: session.token, body });
  expect(answer.status, answer.text).toBe(200);
}

async function fetchItem(session: Session, item: Record<string, unknown>) {
  const answer = await call("/api/metric/fetch", { token: session.token, body: { items: [item] } });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data[0];
}

describe("metric/fetch", () => {
  it("answers buckets with data only: a gap stays a gap, never a zero", async () => {
    const me = await tenant();
    const start = Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR;
    // Data in hours 0, 1 and 4 of six; nothing in 2, 3 and 5.
    await write(me, "g", [
      [start + 10 * MINUTE, 1],
      [start + HOUR + 5 * MINUTE, 2],
      [start + HOUR + 6 * MINUTE, 4],
      [start + 4 * HOUR + 1 * MINUTE, 5],
    ]);
    const series = await fetchItem(me, { metric: "g", start, end: start + 6 * HOUR, period: 3600 });
    expect(series.period).toBe(3600);
    expect(series.points).toEqual([
      { timestamp: start, value: 1, count: 1, min: 1, max: 1 },
      { timestamp: start + HOUR, value: 3, count: 2, min: 2, max: 4 },
      { timestamp: start + 4 * HOUR, value: 5, count: 1, min: 5, max: 5 },
    ]);
    expect(series.summary).toEqual({
      count: 4,
      min: 1,
      max: 5,
      avg: 3,
      sum: 12,
      last: 5,
      lastTimestamp: start + 4 * HOUR + MINUTE,
    });
  });

  it("answers every statistic, and folds the range with accumulate", async () => {
    const me = await tenant();
    const start = Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR;
    // Written out of order: `current` is the value of the latest instant, not the latest write.
    await write(me, "s", [
      [start + 30 * MINUTE, 7],
      [start + 10 * MINUTE, 3],
      [start + 20 * MINUTE, 5],
    ]);
    const expected = { avg: 5, min: 3, max: 7, sum: 15, count: 3, current: 7 };
    for (const [statistic, value] of Object.entries(expected)) {
      const series = await fetchItem(me, { metric: "s", start, end: start + HOUR, statistic, accumulate: true });
      expect(series.points, statistic).toEqual([{ timestamp: start, value, count: 3, min: 3, max: 7 }]);
    }
  });

  it("coarsens the period so a series answers at most 1,000 points, or its limit", async () => {
    const me = await tenant();
    // 2,000 minutes ending on a whole two minutes: a thousand buckets of 120 s, exactly aligned.
    const end = Math.floor(Date.now() / 120_000) * 120_000;
    const start = end - 2000 * MINUTE;
    await write(
      me,
      "c",
      Array.from({ length: 2000 }, (_, i): [number, number] => [start + i * MINUTE, i]),
    );
    const wide = await fetchItem(me, { metric: "c", start, end, period: 60 });
    expect(wide.period).toBe(120);
    expect(wide.points).toHaveLength(1000);
    expect(wide.summary.count).toBe(2000);
    // Half a minute later the range straddles 1,001 aligned buckets: the next stored step answers.
    const shifted = await fetchItem(me, { metric: "c", start: start + 30_000, end: end + 30_000, period: 60 });
    expect(shifted.period).toBe(180);
    expect(shifted.points.length).toBeLessThanOrEqual(1000);
    const limited = await fetchItem(me, { metric: "c", start, end, period: 60, limit: 50 });
    // 2,400 s would read 40 minute rows a bucket: hours are read instead.
    expect(limited.period).toBe(3600);
    expect(limited.points.length).toBeLessThanOrEqual(50);
    expect(limited.points.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).toBe(2000);
    // A limit of one answers one point, however the range falls on the buckets.
    const one = await fetchItem(me, { metric: "c", start: start + 30_000, end: start + 90_000, period: 60, limit: 1 });
    expect(one.points).toHaveLength(1);
  });

  it("reads raw points for periods under a minute", async () => {
    const me = await tenant();
    const start = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
    await write(me, "r", [
      [start + 1_000, 1],
      [start + 9_000, 3],
      [start + 21_000, 8],
    ]);
    const series = await fetchItem(me, { metric: "r", start, end: start + MINUTE, period: 10 });
    expect(series.period).toBe(10);
    expect(series.points).toEqual([
      { timestamp: start, value: 2, count: 2, min: 1, max: 3 },
      { timestamp: start + 20_000, value: 8, count: 1, min: 8, max: 8 },
    ]);
  });

  it("cuts days at local midnight in Europe/Berlin across the October change (a 25-hour day)", async () => {
    const me = await tenant();
    // The clock set to 28 October 2026, so the points of 24–26 October are recent enough to store.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-10-28T12:00:00Z"));
    // Local midnights: 24 Oct (CEST, +2), 25 Oct (CEST; clocks go back at 03:00), 26 Oct (CET, +1), 27 Oct.
    const midnights = [
      "2026-10-23T22:00:00Z",
      "2026-10-24T22:00:00Z",
      "2026-10-25T23:00:00Z",
      "2026-10-26T23:00:00Z",
    ].map(Date.parse);
    const hourly: Array<[number, number]> = [];
    for (let t = midnights[0]!; t < midnights[3]!; t += HOUR) hourly.push([t + MINUTE, 1]);
    await write(me, "dst", hourly);
    const series = await fetchItem(me, {
      metric: "dst",
      start: midnights[0],
      end: midnights[3],
      period: 86_400,
      statistic: "sum",
      timezone: "Europe/Berlin",
    });
    expect(series.points.map((p: { timestamp: number; value: number }) => [p.timestamp, p.value])).toEqual([
      [midnights[0], 24],
      [midnights[1], 25],
      [midnights[2], 24],
    ]);
    // In UTC the same hours fall into calendar days of 24 hours.
    const utc = await fetchItem(me, {
      metric: "dst",
      start: midnights[0],
      end: midnights[3],
      period: 86_400,
      statistic: "sum",
    });
    expect(utc.points.map((p: { value: number }) => p.value)).toEqual([2, 24, 24, 23]);
  });

  it("refuses a range that ends before it starts and an unknown time zone, naming the item", async () => {
    const me = await tenant();
    const backwards = await call("/api/metric/fetch", {
      token: me.token,
      body: { items: [{ metric: "x" }, { metric: "x", start: 2000, end: 1000 }] },
    });
    expect([backwards.status, backwards.json.fields[0].name]).toEqual([400, "items.1.start"]);
    const zone = await call("/api/metric/fetch", {
      token: me.token,
      body: { items: [{ metric: "x", timezone: "Mars/Olympus" }] },
    });
    expect([zone.status, zone.json.fields[0].name]).toEqual([400, "items.0.timezone"]);
  });
});

describe("metric/get", () => {
  it("answers one statistic over the last period, and null without data", async () => {
    const me = await tenant();
    const now = Date.now();
    await write(me, "v", [
      [now - 2 * HOUR, 100],
      [now - 10 * MINUTE, 4],
      [now - 5 * MINUTE, 6],
    ]);
    const get = async (body: Record<string, unknown>) =>
      (await call("/api/metric/get", { token: me.token, body: { metric: "v", ...body } })).json.data;
    expect(await get({ statistic: "avg", period: 3600 })).toMatchObject({ value: 5 });
    expect(await get({ statistic: "current", period: 3600 })).toEqual({ value: 6, timestamp: now - 5 * MINUTE });
    expect(await get({ statistic: "max", period: 86_400 })).toMatchObject({ value: 100 });
    expect(await get({ metric: "none" })).toEqual({ value: null, timestamp: null });
  });

  it("counts a point stamped this very millisecond", async () => {
    const me = await tenant();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
    await write(me, "instant", [[Date.now(), 7]]);
    expect((await call("/api/metric/get", { token: me.token, body: { metric: "instant" } })).json.data.value).toBe(7);
  });

  it("reads exactly the last period, never the rest of a bucket it starts in", async () => {
    const me = await tenant();
    // The minute aligned so that now - 60 s falls inside a minute: its earlier half must not count.
    const now = Math.floor(Date.now() / MINUTE) * MINUTE + 30_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    await write(me, "w", [
      [now - 65_000, 100],
      [now - 5_000, 1],
    ]);
    const sum = await call("/api/metric/get", { token: me.token, body: { metric: "w", statistic: "sum", period: 60 } });
    expect(sum.json.data).toEqual({ value: 1, timestamp: now - 5_000 });
    const fold = await fetchItem(me, {
      metric: "w",
      start: now - 62_000,
      end: now - 4_000,
      accumulate: true,
      statistic: "count",
    });
    expect(fold.points).toEqual([{ timestamp: now - 62_000, value: 1, count: 1, min: 1, max: 1 }]);
  });
});
