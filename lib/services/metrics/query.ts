import { MAX_BUCKETS, type FetchedSeries, type FetchItem, type MetricBucket } from "../../contracts/metric";
import { findSeriesId, readPoints, readRollups, type StoredBucket } from "../../db/metrics/read";
import { validationError } from "../../errors";
import { merge, RESOLUTIONS, statisticOf, type Aggregate, type Resolution } from "../../metrics/aggregate";
import { periodFor, planBuckets, type BucketPlan } from "../../metrics/buckets";
import { isKnownTimeZone } from "../../time";
import { seriesKeyOf } from "./series-key";

// metric/fetch (decision 012): a range is cut into at most `limit` buckets, aligned to the period;
// each is filled from the coarsest stored rollup that divides it, so a chart costs one row per
// stored bucket however many points arrived. A bucket without data answers no point: a gap stays a
// gap. Folded into one value (`accumulate`, metric/get), the range is read exactly.

const DEFAULT_RANGE_S = 86_400;

const emptySummary = { count: 0, min: null, max: null, avg: null, sum: 0, last: null, lastTimestamp: null };

const aggregateCopy = ({ count, sum, min, max, last, lastTimestamp }: Aggregate): Aggregate => ({
  count,
  sum,
  min,
  max,
  last,
  lastTimestamp,
});

/** Folds stored buckets (oldest first) into the plan's buckets, skipping the empty ones. */
function foldInto(
  edges: readonly number[],
  stored: readonly StoredBucket[],
): Array<{ start: number; aggregate: Aggregate }> {
  const buckets: Array<{ start: number; aggregate: Aggregate }> = [];
  let edge = 0;
  for (const row of stored) {
    while (edge < edges.length - 2 && row.bucket >= edges[edge + 1]!) edge++;
    const start = edges[edge]!;
    const current = buckets[buckets.length - 1];
    if (current?.start === start) merge(current.aggregate, row);
    else buckets.push({ start, aggregate: aggregateCopy(row) });
  }
  return buckets;
}

/** All buckets as one, without changing them. */
function foldAll(buckets: ReadonlyArray<{ aggregate: Aggregate }>): Aggregate | null {
  const [first, ...rest] = buckets;
  return first ? rest.reduce((sum, b) => merge(sum, b.aggregate), aggregateCopy(first.aggregate)) : null;
}

const summaryOf = (total: Aggregate | null) =>
  total
    ? {
        count: total.count,
        min: total.min,
        max: total.max,
        avg: total.sum / total.count,
        sum: total.sum,
        last: total.last,
        lastTimestamp: total.lastTimestamp,
      }
    : emptySummary;

/** The range an item asks for, checked; `at` names the item in a refusal. */
function rangeOf(item: FetchItem, now: number, at: string) {
  // By default through the current millisecond: a point stamped "now" just before is in the range.
  const end = item.end ?? now + 1;
  const start = item.start ?? end - (item.range ?? DEFAULT_RANGE_S) * 1000;
  if (start >= end)
    throw validationError("The range must start before it ends", [{ name: `${at}start`, message: "Not before end" }]);
  const zone = item.timezone ?? "UTC";
  if (!isKnownTimeZone(zone))
    throw validationError(`Unknown time zone ${zone}`, [
      { name: `${at}timezone`, message: "Not an IANA time zone name" },
    ]);
  return { start, end, zone };
}

/**
 * The stored rows that cover [from, to) exactly: the whole days, hours and minutes inside it from
 * their rollups, and the raw points of its ragged edges. A handful of indexed reads, whatever the
 * span (older than raw retention, the edges have no points left to add).
 */
async function rowsCovering(
  seriesId: number,
  from: number,
  to: number,
  levels: readonly Resolution[] = RESOLUTIONS,
): Promise<StoredBucket[]> {
  if (from >= to) return [];
  const [resolution, ...finer] = levels;
  if (resolution === undefined) return readPoints(seriesId, from, to);
  const step = resolution * 1000;
  const [first, last] = [Math.ceil(from / step) * step, Math.floor(to / step) * step];
  if (first >= last) return rowsCovering(seriesId, from, to, finer);
  const parts = await Promise.all([
    rowsCovering(seriesId, from, first, finer),
    readRollups(seriesId, resolution, first, last),
    rowsCovering(seriesId, last, to, finer),
  ]);
  return parts.flat();
}

/** The plan for an item's buckets, coarsened until its aligned buckets number at most `maxBuckets`. */
function planFor(asked: number, start: number, end: number, zone: string, maxBuckets: number): BucketPlan {
  let plan = planBuckets(periodFor(asked, end - start, maxBuckets), start, end, zone);
  // Aligned edges may add a bucket: the next stored step usually removes it; a few doublings
  // always do (a limit of one may need the range inside a single aligned bucket).
  for (let attempt = 0; plan.edges.length - 1 > maxBuckets; attempt++) {
    const next = attempt < 2 ? plan.period + 1 : plan.period * 2;
    plan = planBuckets(periodFor(next, end - start, maxBuckets), start, end, zone);
  }
  return plan;
}

const pointOf = (timestamp: number, aggregate: Aggregate, statistic: FetchItem["statistic"]): MetricBucket => ({
  timestamp,
  value: statisticOf(aggregate, statistic),
  count: aggregate.count,
  min: aggregate.min,
  max: aggregate.max,
});

export async function fetchSeries(accountId: string, item: FetchItem, now: number, at = ""): Promise<FetchedSeries> {
  const { start, end, zone } = rangeOf(item, now, at);
  const { key, dimensions } = seriesKeyOf(item.namespace, item.metric, item.dimensions);
  const seriesId = await findSeriesId(accountId, key);
  const answer = {
    namespace: item.namespace,
    metric: item.metric,
    dimensions: JSON.parse(dimensions) as Record<string, string>,
    statistic: item.statistic,
    start,
    end,
    timezone: zone,
  };
  // Folded: exactly [start, end), as metric/get promises "the last `period` seconds".
  if (item.accumulate) {
    const total = foldAll(
      (seriesId === null ? [] : await rowsCovering(seriesId, start, end)).map((aggregate) => ({ aggregate })),
    );
    const points = total ? [pointOf(start, total, item.statistic)] : [];
    return { ...answer, period: Math.round((end - start) / 1000), points, summary: summaryOf(total) };
  }
  const maxBuckets = item.limit ?? MAX_BUCKETS;
  // No series, no data: the period it would answer in, without planning a single bucket.
  if (seriesId === null)
    return { ...answer, period: periodFor(item.period, end - start, maxBuckets), points: [], summary: emptySummary };
  const plan = planFor(item.period, start, end, zone, maxBuckets);
  const from = plan.edges[0]!;
  const to = plan.edges[plan.edges.length - 1]!;
  const stored =
    plan.source === "raw" ? await readPoints(seriesId, from, to) : await readRollups(seriesId, plan.source, from, to);
  const buckets = foldInto(plan.edges, stored);
  const points = buckets.map((bucket) => pointOf(bucket.start, bucket.aggregate, item.statistic));
  return { ...answer, period: plan.period, points, summary: summaryOf(foldAll(buckets)) };
}
