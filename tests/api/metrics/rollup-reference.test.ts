import { describe, expect, it } from "vitest";
import { call } from "../client";
import { tenant } from "../fixtures";

// The rollups against a brute-force reference: random points, written in shuffled batches that
// share buckets, then every statistic of several periods and time zones compared with the same
// statistics computed directly from the points. Runs on both engines (the api-postgres project).

const DAY = 86_400_000;
const STATISTICS = ["avg", "min", "max", "sum", "count", "current"] as const;

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The calendar day of an instant in a zone, as text: the reference's day bucket. */
const localDay = (zone: string, instant: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );

interface Point {
  timestamp: number;
  value: number;
}

function reference(points: readonly Point[], keyOf: (t: number) => string | number) {
  const groups = new Map<string | number, Point[]>();
  for (const point of points) {
    const key = keyOf(point.timestamp);
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, group]) => {
      const values = group.map((p) => p.value);
      const latest = group.reduce((a, b) => (b.timestamp >= a.timestamp ? b : a));
      const sum = values.reduce((a, b) => a + b, 0);
      return {
        key,
        statistics: {
          avg: sum / group.length,
          min: Math.min(...values),
          max: Math.max(...values),
          sum,
          count: group.length,
          current: latest.value,
        },
      };
    });
}

describe("rollups against a brute-force reference", () => {
  for (const seed of [1, 2, 3]) {
    it(`agrees on random data (seed ${seed})`, async () => {
      const me = await tenant();
      const next = random(seed);
      const end = Math.floor(Date.now() / DAY) * DAY;
      const start = end - 3 * DAY;
      // Distinct instants, so "current" has one answer; values with fractions and signs.
      const instants = new Set<number>();
      while (instants.size < 1500) instants.add(start + Math.floor(next() * 3 * DAY));
      const points = [...instants].map((timestamp) => ({
        timestamp,
        value: Math.round((next() * 200 - 50) * 1000) / 1000,
      }));
      // Shuffled into batches, so buckets are built by several upserts, out of order.
      const shuffled = [...points].sort(() => next() - 0.5);
      for (let i = 0; i < shuffled.length; i += 250) {
        const body = { points: shuffled.slice(i, i + 250).map((p) => ({ metric: "ref", ...p })) };
        expect((await call("/api/metric/set", { token: me.token, body })).status).toBe(200);
      }
      const cases = [
        { period: 60, zone: "UTC", keyOf: (t: number) => Math.floor(t / 60_000) * 60_000 },
        { period: 300, zone: "UTC", keyOf: (t: number) => Math.floor(t / 300_000) * 300_000 },
        { period: 7200, zone: "UTC", keyOf: (t: number) => Math.floor(t / 7_200_000) * 7_200_000 },
        { period: 86_400, zone: "UTC", keyOf: (t: number) => localDay("UTC", t) },
        { period: 86_400, zone: "America/New_York", keyOf: (t: number) => localDay("America/New_York", t) },
        // A half-hour offset: day buckets are folded from minute rollups.
        { period: 86_400, zone: "Asia/Kolkata", keyOf: (t: number) => localDay("Asia/Kolkata", t) },
      ];
      for (const { period, zone, keyOf } of cases) {
        const expected = reference(points, keyOf);
        const items = STATISTICS.map((statistic) => ({
          metric: "ref",
          start,
          end,
          period,
          statistic,
          timezone: zone,
          limit: 1000,
        }));
        // 60-second buckets over three days would be coarsened; ask for them a day at a time instead.
        const answer = await call("/api/metric/fetch", {
          token: me.token,
          body: { items: period === 60 ? items.map((item) => ({ ...item, end: start + DAY / 2 })) : items },
        });
        expect(answer.status, answer.text).toBe(200);
        const shown = period === 60 ? expected.filter((e) => (e.key as number) < start + DAY / 2) : expected;
        STATISTICS.forEach((statistic, index) => {
          const series = answer.json.data[index];
          const label = `${statistic} per ${period} s in ${zone}`;
          expect(series.period, label).toBe(period);
          const keys = series.points.map((p: { timestamp: number }) =>
            typeof shown[0]?.key === "string" ? keyOf(p.timestamp) : p.timestamp,
          );
          expect(keys, label).toEqual(shown.map((e) => e.key));
          series.points.forEach((p: { value: number }, i: number) =>
            expect(p.value, `${label} #${i}`).toBeCloseTo(shown[i]!.statistics[statistic], 6),
          );
        });
      }
    });
  }
});
