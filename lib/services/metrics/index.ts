import type { DimensionSet, FetchItem } from "../../contracts/metric";
import { latestOfDevice, metricCatalogue } from "../../db/metrics/read";
import { accessDenied } from "../../errors";
import type { CallContext } from "../context";
import { storeSeriesPoints, type SeriesPoint } from "./ingest";
import { fetchSeries } from "./query";
import { withOwnId } from "./series-key";

// The Metric controller's service (decision 012). HTTP's metric/set and, later, a device's MQTT
// metric/set reach the same functions through the verb pipeline.

export { setMetrics } from "./ingest";

/** Server-side writers (demo seeding): checked points stored in one transaction; answers the count. */
export async function storePoints(accountId: string, points: readonly SeriesPoint[]): Promise<number> {
  await storeSeriesPoints(accountId, points, null);
  return points.length;
}

// metric/fetch
export async function fetchMetrics(ctx: CallContext, input: { items: FetchItem[] }) {
  const now = Date.now();
  return Promise.all(input.items.map((item, index) => fetchSeries(ctx.accountId, item, now, `items.${index}.`)));
}

// metric/getMetricList
export async function getMetricList(ctx: CallContext, input: { namespace?: string; metric?: string }) {
  const catalogue = await metricCatalogue(ctx.accountId, input.namespace, input.metric);
  return { ...catalogue, dimensions: catalogue.dimensions.map((text) => JSON.parse(text) as Record<string, string>) };
}

interface GetInput {
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  statistic: FetchItem["statistic"];
  period: number;
}

// metric/get — the statistic over the last `period` seconds; a device reads only its own series
export async function getMetric(ctx: CallContext, input: GetInput) {
  const device = ctx.principal?.kind === "device" ? ctx.principal.deviceId : null;
  let dimensions = input.dimensions;
  if (device) {
    dimensions = withOwnId(dimensions, device);
    if (dimensions.Device !== device) throw accessDenied("A device may only read its own series (dimension Device)");
  }
  const item: FetchItem = { ...input, dimensions, range: input.period, accumulate: true };
  const answer = await fetchSeries(ctx.accountId, item, Date.now());
  const point = answer.points[0];
  return { value: point?.value ?? null, timestamp: point ? answer.summary.lastTimestamp : null };
}

// metric/latest (+)
export async function latestMetrics(ctx: CallContext, input: { deviceId: string }) {
  const rows = await latestOfDevice(ctx.accountId, input.deviceId);
  return rows.map((row) => ({
    namespace: row.namespace,
    metric: row.metric,
    dimensions: JSON.parse(row.dimensions) as Record<string, string>,
    value: row.last,
    timestamp: row.lastTimestamp,
  }));
}
