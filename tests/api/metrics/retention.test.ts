import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { ensurePointPartitions } from "../../../lib/db/metrics/retention";
import { env } from "../../../lib/env";
import { storePoints } from "../../../lib/services/metrics";
import { enforceMetricRetention } from "../../../lib/services/metrics/retention";
import { call } from "../client";
import { tenant } from "../fixtures";

// Retention: each resolution keeps its days; old raw points go (whole day partitions on
// PostgreSQL), while the coarser rollups still answer for the same range.

const DAY = 86_400_000;

const series = { namespace: "Embedthis/Device", metric: "ret", dimensions: {} };

const pointCount = async () =>
  Number((await db().$queryRawUnsafe<Array<{ n: unknown }>>(`SELECT count(*) AS "n" FROM "MetricPoint"`))[0]!.n);

describe("metric retention", () => {
  it("deletes what each resolution no longer keeps, and nothing younger", async () => {
    const me = await tenant();
    const now = Date.now();
    // Five minutes into an hour, so the three points share one hour (and one day).
    const old = Math.floor((now - 40 * DAY) / 3_600_000) * 3_600_000 + 300_000;
    // Old points reach storage only from the server itself: metric/set refuses them.
    await ensurePointPartitions(old, old);
    const points = [1, 2, 3].map((value, i) => ({ ...series, value, timestamp: old + i * 60_000 }));
    await storePoints(me.accountId, points);
    expect((await call("/api/metric/set", { token: me.token, body: { metric: "ret", value: 9 } })).status).toBe(200);
    expect(await pointCount()).toBe(4);

    const report = await enforceMetricRetention(now);
    // PostgreSQL drops the old day's partition whole; SQLite deletes its rows in chunks.
    if (env().engine === "postgres") expect(report).toMatchObject({ partitionsDropped: 1, points: 0 });
    else expect(report).toMatchObject({ partitionsDropped: 0, points: 3 });
    expect(await pointCount()).toBe(1);
    // Minute rollups are kept 30 days, hours 400: the old minutes are gone, their hour is not.
    const rows = await db().metricRollup.findMany({ where: { bucket: { lt: BigInt(now - 30 * DAY) } } });
    expect(rows.map((row) => row.resolution).sort()).toEqual([3600, 86_400]);
    const range = { metric: "ret", start: old - DAY, end: old + DAY, statistic: "sum" };
    const hourly = await call("/api/metric/fetch", { token: me.token, body: { items: [{ ...range, period: 3600 }] } });
    expect(hourly.json.data[0].summary).toMatchObject({ count: 3, sum: 6 });
    const minutes = await call("/api/metric/fetch", {
      token: me.token,
      body: { items: [{ ...range, period: 60, limit: 1000, start: old, end: old + 3_600_000 }] },
    });
    expect(minutes.json.data[0].points).toEqual([]);
    expect(env().metricRetentionDays).toMatchObject({ raw: 30, 60: 30 });
  });
});

describe("closing an account", () => {
  it("removes its series, rollups and raw points", async () => {
    const me = await tenant();
    const other = await tenant();
    for (const session of [me, other])
      expect((await call("/api/metric/set", { token: session.token, body: { metric: "c", value: 1 } })).status).toBe(
        200,
      );
    const before = await pointCount();
    const closed = await call("/api/account/close", { token: me.token, body: { id: me.accountId } });
    expect(closed.status, closed.text).toBe(200);
    expect(await db().metricSeries.count({ where: { accountId: me.accountId } })).toBe(0);
    expect(await pointCount()).toBe(before - 1);
  });
});
