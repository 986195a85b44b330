import { MAX_BUCKETS, type FetchedSeries, type FetchItem, type MetricBucket } from "../../contracts/metric";
import { findSeriesId, readPoints, readRollups, type StoredBucket } from "../../db/metrics/read";
import { validationError } from "../../errors";
import { merge, statisticOf, type Aggregate } from "../../metrics/aggregate";
import { periodFor, planBuckets } from "../../metrics/buckets";
import { isKnownTimeZone } from "../../time";
import { seriesKeyOf } from "./series-key";

// metric/fetch (decision 012): a range is cut into at most `limit` buckets; each is filled from the
// coarsest stored rollup that divides it, so a chart costs one row per stored bucket however many
// points arrived. A bucket without data answers no point: a gap stays a gap.

const DEFAULT_RANGE_S = 86_400;
/** Folding a range into one value reads buckets of at least this many seconds. */
const FOLD_PERIOD_S = 60;

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
  return first ? rest.reduce((sum, b) => merge(sum, b.aggregate), { ...first.aggregate }) : null;
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
  const end = item.end ?? now;
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

export async function fetchSeries(accountId: string, item: FetchItem, now: number, at = ""): Promise<FetchedSeries> {
  const { start, end, zone } = rangeOf(item, now, at);
  const { key, dimensions } = seriesKeyOf(item.namespace, item.metric, item.dimensions);
  const maxBuckets = item.limit ?? MAX_BUCKETS;
  const period = periodFor(item.accumulate ? FOLD_PERIOD_S : item.period, end - start, maxBuckets);
  const plan = planBuckets(period, start, end, zone);
  const from = plan.edges[0]!;
  const to = plan.edges[plan.edges.length - 1]!;
  const seriesId = await findSeriesId(accountId, key);
  const stored =
    seriesId === null
      ? []
      : plan.source === "raw"
        ? await readPoints(seriesId, from, to)
        : await readRollups(seriesId, plan.source, from, to);
  const buckets = foldInto(plan.edges, stored);
  const total = foldAll(buckets);
  const shown = item.accumulate ? (total ? [{ start, aggregate: total }] : []) : buckets;
  const points: MetricBucket[] = shown.map(({ start: timestamp, aggregate }) => ({
    timestamp,
    value: statisticOf(aggregate, item.statistic),
    count: aggregate.count,
    min: aggregate.min,
    max: aggregate.max,
  }));
  return {
    namespace: item.namespace,
    metric: item.metric,
    dimensions: JSON.parse(dimensions) as Record<string, string>,
    statistic: item.statistic,
    period: item.accumulate ? Math.round((end - start) / 1000) : period,
    start,
    end,
    timezone: zone,
    points,
    summary: summaryOf(total),
  };
}
