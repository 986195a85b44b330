import { DEFAULT_NAMESPACE, type DimensionSet, type MetricPoint } from "../../contracts/metric";
import { storeBatch, type PointRow, type SeriesRow } from "../../db/metrics/store";
import { env } from "../../env";
import { announceStoredPoints } from "../../metrics/stored-points";
import { accessDenied, validationError, type FieldError } from "../../errors";
import type { CallContext } from "../context";
import { recordDeviceContact } from "../device-contact";
import { seriesKeyOf, withOwnId } from "./series-key";

// metric/set (decision 012): a batch is checked whole before anything is written, then stored in
// one transaction — its series, raw points and rollups — or not at all.

/** How far ahead of the server's clock a point may be stamped (device clocks drift). */
export const FUTURE_TOLERANCE_MS = 3_600_000;
const MAX_IDEMPOTENCY_KEY = 255;

/** A point as stored: one series, one value, one instant. */
export interface SeriesPoint {
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  value: number;
  timestamp: number;
}

interface SetInput extends Partial<MetricPoint> {
  points?: MetricPoint[];
}

/** The points of a metric/set body: its batch, or the one point its top-level fields describe. */
function pointsOf(input: SetInput): { points: MetricPoint[]; path: string } {
  if (input.points) {
    if (input.metric !== undefined || input.value !== undefined)
      throw validationError("Send either points or one metric and value, not both", [
        { name: "points", message: "Not with metric and value" },
      ]);
    return { points: input.points, path: "points." };
  }
  const { metric, value, namespace, dimensions, timestamp } = input;
  const missing = [
    ...(metric === undefined ? [{ name: "metric", message: "Required (or send points)" }] : []),
    ...(value === undefined ? [{ name: "value", message: "Required (or send points)" }] : []),
  ];
  if (missing.length) throw validationError("A point needs a metric and a value", missing);
  return { points: [{ metric: metric!, value: value!, namespace, dimensions, timestamp }], path: "" };
}

/** Each point under each of its dimension sets, checked: every refusal names its point. */
function expand(ctx: CallContext, input: SetInput, now: number): SeriesPoint[] {
  const device = ctx.principal?.kind === "device" ? ctx.principal.deviceId : null;
  const oldest = now - env().metricRetentionDays.raw * 86_400_000;
  const { points, path } = pointsOf(input);
  const problems: FieldError[] = [];
  const expanded: SeriesPoint[] = [];
  points.forEach((point, index) => {
    const at = path ? `${path}${index}.` : "";
    const timestamp = point.timestamp ?? now;
    if (timestamp > now + FUTURE_TOLERANCE_MS)
      problems.push({ name: `${at}timestamp`, message: "More than an hour ahead of the server's clock" });
    else if (timestamp < oldest)
      problems.push({
        name: `${at}timestamp`,
        message: `Older than the ${env().metricRetentionDays.raw} days raw points are kept`,
      });
    for (const set of point.dimensions ?? [device ? { Device: device } : {}]) {
      const dimensions = device ? withOwnId(set, device) : set;
      if (device && dimensions.Device !== undefined && dimensions.Device !== device)
        throw accessDenied(
          `A device may only write its own series: ${at || "the point's "}dimensions name Device ${dimensions.Device}`,
        );
      expanded.push({
        namespace: point.namespace ?? DEFAULT_NAMESPACE,
        metric: point.metric,
        dimensions,
        value: point.value,
        timestamp,
      });
    }
  });
  const [first] = problems;
  if (first) throw validationError(`${first.name}: ${first.message}; nothing was stored`, problems);
  return expanded;
}

/** The batch's rows: one per series (with its newest point) and one per point. */
export function batchRowsOf(points: readonly SeriesPoint[]): { series: SeriesRow[]; rows: PointRow[] } {
  const series = new Map<string, SeriesRow>();
  const rows: PointRow[] = [];
  for (const point of points) {
    const { key, dimensions } = seriesKeyOf(point.namespace, point.metric, point.dimensions);
    const known = series.get(key);
    if (!known)
      series.set(key, {
        key,
        namespace: point.namespace,
        metric: point.metric,
        dimensions,
        deviceId: point.dimensions.Device ?? null,
        last: point.value,
        lastTimestamp: point.timestamp,
      });
    else if (point.timestamp >= known.lastTimestamp) {
      known.last = point.value;
      known.lastTimestamp = point.timestamp;
    }
    rows.push({ seriesKey: key, timestamp: point.timestamp, value: point.value });
  }
  return { series: [...series.values()], rows };
}

/** Stores checked points for an account in one transaction; false when `batchKey` was seen before. */
export async function storeSeriesPoints(
  accountId: string,
  points: readonly SeriesPoint[],
  batchKey: string | null,
): Promise<boolean> {
  const { series, rows } = batchRowsOf(points);
  const stored = await storeBatch({ accountId, key: batchKey, series, points: rows });
  // Committed: the action engine may act on them (decision 018).
  if (stored) announceStoredPoints({ accountId, points });
  return stored;
}

/** Whose key it is: two devices (or users, or tokens) of an account may both send "batch-42". */
function callerOf(ctx: CallContext): string {
  const p = ctx.principal;
  if (p?.kind === "device") return `device:${p.deviceId}`;
  if (p?.kind === "user") return `user:${p.userId}`;
  return p && "tokenId" in p ? `token:${p.tokenId}` : "account";
}

// metric/set
export async function setMetrics(ctx: CallContext, input: SetInput) {
  const key = ctx.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY))
    throw validationError("The Idempotency-Key header must be 1 to 255 characters", [
      { name: "Idempotency-Key", message: "1 to 255 characters" },
    ]);
  const now = Date.now();
  const points = expand(ctx, input, now);
  const stored = await storeSeriesPoints(ctx.accountId, points, key === null ? null : `${callerOf(ctx)}:${key}`);
  if (ctx.principal?.kind === "device") await recordDeviceContact(ctx.principal.deviceId, new Date(now));
  const count = input.points?.length ?? 1;
  return { stored: stored ? count : 0, duplicate: !stored };
}
