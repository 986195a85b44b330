import type { Aggregate, Resolution } from "../../metrics/aggregate";
import { db } from "../client";
import { rawReader, type Row } from "../raw-reader";

// Metric reads (decision 012). Charts read committed rollups through the raw reader: one indexed
// range scan per series, a row per stored bucket. PostgreSQL answers BIGINT as text, so numbers
// are converted here.

export interface StoredBucket extends Aggregate {
  bucket: number;
}

function sql(text: (mark: (index: number) => string) => string): string {
  return text(rawReader().dialect.placeholder);
}

export async function findSeriesId(accountId: string, key: string): Promise<number | null> {
  const rows = await rawReader().all(
    sql((m) => `SELECT "id" FROM "MetricSeries" WHERE "accountId" = ${m(1)} AND "key" = ${m(2)}`),
    [accountId, key],
  );
  const row = rows[0];
  return row ? Number(row[0]) : null;
}

const bucketOf = (row: Row): StoredBucket => ({
  bucket: Number(row[0]),
  count: Number(row[1]),
  sum: Number(row[2]),
  min: Number(row[3]),
  max: Number(row[4]),
  last: Number(row[5]),
  lastTimestamp: Number(row[6]),
});

/** The stored buckets of one resolution in [from, to), oldest first. */
export async function readRollups(seriesId: number, resolution: Resolution, from: number, to: number) {
  const rows = await rawReader().all(
    sql(
      (m) =>
        `SELECT "bucket", "count", "sum", "min", "max", "last", "lastTimestamp" FROM "MetricRollup" ` +
        `WHERE "seriesId" = ${m(1)} AND "resolution" = ${m(2)} AND "bucket" >= ${m(3)} AND "bucket" < ${m(4)} ORDER BY "bucket"`,
    ),
    [seriesId, resolution, from, to],
  );
  return rows.map(bucketOf);
}

/** Raw points in [from, to) as one-point buckets, oldest first (periods under a minute). */
export async function readPoints(seriesId: number, from: number, to: number): Promise<StoredBucket[]> {
  const rows = await rawReader().all(
    sql(
      (m) =>
        `SELECT "timestamp", "value" FROM "MetricPoint" WHERE "seriesId" = ${m(1)} AND "timestamp" >= ${m(2)} ` +
        `AND "timestamp" < ${m(3)} ORDER BY "timestamp"`,
    ),
    [seriesId, from, to],
  );
  return rows.map((row) => {
    const timestamp = Number(row[0]);
    const value = Number(row[1]);
    return { bucket: timestamp, count: 1, sum: value, min: value, max: value, last: value, lastTimestamp: timestamp };
  });
}

/** The account's series of one metric, by key (each with its canonical dimensions as JSON). */
export async function findSeriesOfMetric(accountId: string, namespace: string, metric: string, limit: number) {
  return db().metricSeries.findMany({
    where: { accountId, namespace, metric },
    select: { id: true, key: true, dimensions: true },
    orderBy: { key: "asc" },
    take: limit,
  });
}

export interface SeriesLatest {
  namespace: string;
  metric: string;
  dimensions: string;
  last: number;
  lastTimestamp: number;
}

/** Every series of one device in the account, with its newest point. */
export async function latestOfDevice(accountId: string, deviceId: string): Promise<SeriesLatest[]> {
  const rows = await db().metricSeries.findMany({
    where: { accountId, deviceId },
    select: { namespace: true, metric: true, dimensions: true, last: true, lastTimestamp: true },
    orderBy: [{ metric: "asc" }, { dimensions: "asc" }],
    take: 1000,
  });
  return rows.map((row) => ({ ...row, lastTimestamp: Number(row.lastTimestamp) }));
}

/** The account's namespaces, metrics and dimension sets, narrowed by namespace and metric. */
export async function metricCatalogue(accountId: string, namespace?: string, metric?: string) {
  const series = db().metricSeries;
  const [namespaces, metrics, dimensions] = await Promise.all([
    series.findMany({
      where: { accountId },
      distinct: ["namespace"],
      select: { namespace: true },
      orderBy: { namespace: "asc" },
    }),
    series.findMany({
      where: { accountId, namespace },
      distinct: ["metric"],
      select: { metric: true },
      orderBy: { metric: "asc" },
    }),
    series.findMany({
      where: { accountId, namespace, metric },
      distinct: ["dimensions"],
      select: { dimensions: true },
      orderBy: { dimensions: "asc" },
      take: 1000,
    }),
  ]);
  return {
    namespaces: namespaces.map((row) => row.namespace),
    metrics: metrics.map((row) => row.metric),
    dimensions: dimensions.map((row) => row.dimensions),
  };
}
