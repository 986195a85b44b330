// The arithmetic of metric aggregates, shared by ingest (a batch's rollups, folded in memory before
// one upsert per bucket) and by queries (stored buckets folded into coarser ones). No I/O here.

import type { Statistic } from "../contracts/metric";

/** Seconds per stored rollup resolution, coarsest first. */
export const RESOLUTIONS = [86_400, 3_600, 60] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** What is kept per bucket: enough to answer every statistic, and to merge buckets exactly. */
export interface Aggregate {
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  lastTimestamp: number;
}

export const aggregateOf = (value: number, timestamp: number): Aggregate => ({
  count: 1,
  sum: value,
  min: value,
  max: value,
  last: value,
  lastTimestamp: timestamp,
});

/** Folds `b` into `a` (mutating `a`): the later point's value is the last, a tie keeps the newer write. */
export function merge(a: Aggregate, b: Aggregate): Aggregate {
  a.count += b.count;
  a.sum += b.sum;
  if (b.min < a.min) a.min = b.min;
  if (b.max > a.max) a.max = b.max;
  if (b.lastTimestamp >= a.lastTimestamp) {
    a.last = b.last;
    a.lastTimestamp = b.lastTimestamp;
  }
  return a;
}

export function statisticOf(aggregate: Aggregate, statistic: Statistic): number {
  switch (statistic) {
    case "avg":
      return aggregate.sum / aggregate.count;
    case "min":
      return aggregate.min;
    case "max":
      return aggregate.max;
    case "sum":
      return aggregate.sum;
    case "count":
      return aggregate.count;
    case "current":
      return aggregate.last;
  }
}

/** The start (epoch ms) of the UTC-aligned bucket of `seconds` holding `timestamp`. */
export const bucketStart = (timestamp: number, seconds: number): number =>
  Math.floor(timestamp / (seconds * 1000)) * seconds * 1000;

export interface RollupRow extends Aggregate {
  seriesId: number;
  resolution: Resolution;
  bucket: number;
}

/** A batch's points as one row per series, resolution and bucket (what ingest upserts). */
export function rollupsOf(points: ReadonlyArray<{ seriesId: number; timestamp: number; value: number }>): RollupRow[] {
  // Per series, keyed by bucket start plus the resolution's index: starts are whole minutes, so
  // a minute, an hour and a day starting at one instant still get keys of their own.
  const bySeries = new Map<number, Map<number, RollupRow>>();
  const rows: RollupRow[] = [];
  for (const { seriesId, timestamp, value } of points) {
    let buckets = bySeries.get(seriesId);
    if (!buckets) bySeries.set(seriesId, (buckets = new Map()));
    for (let index = 0; index < RESOLUTIONS.length; index++) {
      const resolution = RESOLUTIONS[index]!;
      const bucket = bucketStart(timestamp, resolution);
      const row = buckets.get(bucket + index);
      if (row) merge(row, aggregateOf(value, timestamp));
      else {
        const created = { seriesId, resolution, bucket, ...aggregateOf(value, timestamp) };
        buckets.set(bucket + index, created);
        rows.push(created);
      }
    }
  }
  return rows;
}
