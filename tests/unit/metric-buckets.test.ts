import { describe, expect, it } from "vitest";
import { aggregateOf, merge, rollupsOf, statisticOf } from "../../lib/metrics/aggregate";
import { offsetMinutes, periodFor, planBuckets } from "../../lib/metrics/buckets";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("periodFor", () => {
  it("keeps a period that fits, coarsens one that would answer too many buckets, and rounds to what is stored", () => {
    expect(periodFor(300, DAY, 1000)).toBe(300);
    expect(periodFor(60, 30 * DAY, 1000)).toBe(3600); // 2,592 s rounded up to whole hours
    expect(periodFor(5184, 30 * DAY, 1000)).toBe(7200);
    expect(periodFor(10, 60_000, 1000)).toBe(10); // under a minute: raw points
    expect(periodFor(90, DAY, 1000)).toBe(120);
    expect(periodFor(86_400, 365 * DAY, 1000)).toBe(86_400);
  });
});

describe("planBuckets", () => {
  it("aligns periods to UTC multiples and reads the coarsest resolution dividing them", () => {
    const plan = planBuckets(7200, Date.parse("2026-11-01T01:30:00Z"), Date.parse("2026-11-01T06:00:00Z"), "UTC");
    expect(plan.source).toBe(3600);
    expect(plan.edges.map((e) => new Date(e).toISOString().slice(11, 16))).toEqual([
      "00:00",
      "02:00",
      "04:00",
      "06:00",
    ]);
    expect(planBuckets(300, 0, HOUR, "UTC").source).toBe(60);
    expect(planBuckets(30, 0, 60_000, "UTC").source).toBe("raw");
  });

  it("cuts local days of 23 hours in spring and 25 in autumn", () => {
    const spring = planBuckets(
      86_400,
      Date.parse("2026-03-28T12:00:00Z"),
      Date.parse("2026-03-30T12:00:00Z"),
      "Europe/Berlin",
    );
    expect(spring.source).toBe(3600);
    expect(spring.edges.slice(1).map((e, i) => (e - spring.edges[i]!) / HOUR)).toEqual([24, 23, 24]);
    const autumn = planBuckets(
      86_400,
      Date.parse("2026-10-24T12:00:00Z"),
      Date.parse("2026-10-26T12:00:00Z"),
      "Europe/Berlin",
    );
    expect(autumn.edges.slice(1).map((e, i) => (e - autumn.edges[i]!) / HOUR)).toEqual([24, 25, 24]);
  });

  it("folds minute rows where the zone's offset is not whole hours", () => {
    const plan = planBuckets(
      86_400,
      Date.parse("2026-11-01T00:00:00Z"),
      Date.parse("2026-11-03T00:00:00Z"),
      "Asia/Kolkata",
    );
    expect(plan.source).toBe(60);
    expect(new Date(plan.edges[0]!).toISOString()).toBe("2026-10-31T18:30:00.000Z");
    expect(offsetMinutes("Asia/Kolkata", plan.edges[0]!)).toBe(330);
  });
});

describe("aggregates", () => {
  it("merge exactly, keep the value of the latest instant, and answer every statistic", () => {
    const a = merge(merge(aggregateOf(4, 30), aggregateOf(10, 10)), aggregateOf(-2, 20));
    expect(a).toEqual({ count: 3, sum: 12, min: -2, max: 10, last: 4, lastTimestamp: 30 });
    expect(["avg", "min", "max", "sum", "count", "current"].map((s) => statisticOf(a, s as never))).toEqual([
      4, -2, 10, 12, 3, 4,
    ]);
  });

  it("fold a batch into one row per series, resolution and bucket", () => {
    const rows = rollupsOf([
      { seriesId: 1, timestamp: 0, value: 1 },
      { seriesId: 1, timestamp: 59_999, value: 3 },
      { seriesId: 1, timestamp: 60_000, value: 5 },
      { seriesId: 2, timestamp: 0, value: 7 },
    ]);
    const of = (series: number, resolution: number) =>
      rows.filter((r) => r.seriesId === series && r.resolution === resolution).map((r) => [r.bucket, r.count, r.sum]);
    expect(of(1, 60)).toEqual([
      [0, 2, 4],
      [60_000, 1, 5],
    ]);
    expect(of(1, 3600)).toEqual([[0, 3, 9]]);
    expect(of(1, 86_400)).toEqual([[0, 3, 9]]);
    expect(of(2, 60)).toEqual([[0, 1, 7]]);
  });
});
