import type { PointRow, SeriesRow } from "../../../lib/db/metrics/store";
import { DEVICE_NAMESPACE, reading } from "../../../lib/demo/signals";
import { seriesKeyOf } from "../../../lib/services/metrics/series-key";
import { median, percentile, type Headers } from "../harness";

// Query: metric/fetch of a 30-day chart of 500 buckets, for one series holding 100 k, 1 M or 10 M
// raw points spread evenly over those 30 days. The points are loaded by ingest's own writer called
// directly (./writer.ts: raw points, the series row, and the rollups it folds in memory per batch)
// in batches of 100 k, a transaction each: through HTTP, 10 M points would take far longer.

export const RANGE_MS = 30 * 86_400_000;
export const BUCKETS = 500;
const CALLS = 50;
const WARM_UP_CALLS = 5;

export interface QueryTimes {
  medianMs: number;
  p95Ms: number;
  /** Seconds per point as answered. */
  period: number;
}

/** `count` points of `temperature` {Device: deviceId}, evenly over [start, start + RANGE_MS), `size` per batch. */
export function* seriesBatches(deviceId: string, count: number, start: number, size: number) {
  const { key, dimensions } = seriesKeyOf(DEVICE_NAMESPACE, "temperature", { Device: deviceId });
  const step = RANGE_MS / count;
  for (let from = 0; from < count; from += size) {
    const points: PointRow[] = [];
    for (let i = from; i < Math.min(count, from + size); i++) {
      const timestamp = start + Math.floor(i * step);
      points.push({ seriesKey: key, timestamp, value: reading(deviceId, "temperature", timestamp) });
    }
    const newest = points.at(-1)!;
    const series: SeriesRow = {
      key,
      namespace: DEVICE_NAMESPACE,
      metric: "temperature",
      dimensions,
      deviceId,
      last: newest.value,
      lastTimestamp: newest.timestamp,
    };
    yield { series: [series], points };
  }
}

/** Median and p95 of `metric/fetch` for the series' 30 days in 500 buckets; checks the answer first. */
export async function fetchTimes(
  base: string,
  cloud: Headers,
  deviceId: string,
  count: number,
  start: number,
): Promise<QueryTimes> {
  const period = RANGE_MS / 1000 / BUCKETS;
  const item = { metric: "temperature", dimensions: { Device: deviceId }, statistic: "avg", period };
  const body = JSON.stringify({ items: [{ ...item, start, end: start + RANGE_MS }] });
  const call = async () => {
    const response = await fetch(`${base}/tok/metric/fetch`, {
      method: "POST",
      headers: { ...cloud, "Content-Type": "application/json" },
      body,
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`metric/fetch answered ${response.status}: ${text}`);
    return JSON.parse(text) as { data: Array<{ period: number; points: unknown[]; summary: { count: number } }> };
  };
  // The answer may come in a coarser period than asked, aligned to a stored resolution.
  const answer = (await call()).data[0]!;
  const buckets = Math.ceil(RANGE_MS / 1000 / answer.period);
  if (answer.summary.count !== count || Math.abs(answer.points.length - buckets) > 1)
    throw new Error(
      `metric/fetch answered ${answer.points.length} points of ${answer.period} s summarising ` +
        `${answer.summary.count}, not ${buckets} summarising ${count}`,
    );
  for (let i = 0; i < WARM_UP_CALLS; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), p95Ms: percentile(times, 95), period: answer.period };
}
