import { z } from "zod";
import { defineVerb } from "./verb";

// The Ioto metric model (docs/api.md#metric): a series is a namespace, a metric name and one set of
// dimensions ({} is the account-wide series). Point timestamps are epoch milliseconds.

export const DEFAULT_NAMESPACE = "Embedthis/Device";
export const STATISTICS = ["avg", "min", "max", "sum", "count", "current"] as const;
export type Statistic = (typeof STATISTICS)[number];
/** A batch holds at most this many points; a point updates at most this many dimension sets. */
export const MAX_BATCH_POINTS = 10_000;
export const MAX_DIMENSION_SETS = 10;
/** The most buckets one series answers, whatever the period asked for. */
export const MAX_BUCKETS = 1000;

const name = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_.:/ -]+$/, "Letters, digits, spaces and _ . : / - only");

export const namespaceField = name(100);
export const metricName = name(100);
/** One dimension set: names to values, e.g. {"Device": "A1B2C3"}. */
export const dimensionSet = z
  .record(name(64), z.string().max(200))
  .refine((set) => Object.keys(set).length <= 8, "At most 8 dimensions in a set");
export type DimensionSet = z.infer<typeof dimensionSet>;

export const statisticField = z.enum(STATISTICS);
/** Epoch milliseconds within the years every engine stores. */
const epochMs = z.number().int().min(0).max(253_402_300_799_999);

/**
 * A point's value. JSON has no NaN, and a number too large for a double parses as Infinity: zod
 * refuses both. The bound keeps every sum a rollup can hold finite (a thousand points of 1e308
 * would make it Infinity, and every chart of that series unanswerable).
 */
export const metricValue = z.number().min(-1e15).max(1e15);

export const metricPoint = z.object({
  metric: metricName,
  value: metricValue,
  namespace: namespaceField.optional(),
  dimensions: z.array(dimensionSet).min(1).max(MAX_DIMENSION_SETS).optional(),
  timestamp: epochMs.optional().describe("Epoch milliseconds; now when absent"),
});

/** What the server refuses beyond the schema, so the document can say so. */
const WINDOW = "at most an hour ahead of the server's clock and within the days raw points are kept";
export type MetricPoint = z.infer<typeof metricPoint>;

// metric/set — one point, or a batch; a device caller's extra configuration fields are ignored
export const setMetric = defineVerb({
  controller: "metric",
  verb: "set",
  summary: "Store one metric point or a batch of up to 10,000 (Idempotency-Key stores a retry once)",
  allow: ["admin", "device"],
  ignoreUnknown: true,
  bodyLimit: 10 * 1024 * 1024,
  input: {
    metric: metricName.optional().meta({ "x-server-judged": "required unless points are sent" }),
    value: metricValue.optional().meta({ "x-server-judged": "required unless points are sent" }),
    namespace: namespaceField.optional(),
    dimensions: z.array(dimensionSet).min(1).max(MAX_DIMENSION_SETS).optional(),
    timestamp: epochMs.optional().meta({ "x-server-judged": WINDOW }),
    points: z
      .array(metricPoint)
      .min(1)
      .max(MAX_BATCH_POINTS)
      .optional()
      .meta({ "x-server-judged": `not with metric and value; each timestamp ${WINDOW}` }),
  },
  output: z.object({
    stored: z.number().int().describe("Points stored (a point with several dimension sets counts once)"),
    duplicate: z.boolean().describe("True when this Idempotency-Key was already stored: nothing new was"),
  }),
});

/** What a fetch item asks for; `range` (seconds back from now) or `start`/`end`. */
export const fetchItem = z.strictObject({
  namespace: namespaceField.default(DEFAULT_NAMESPACE),
  metric: metricName,
  dimensions: dimensionSet.default({}),
  statistic: statisticField.default("avg"),
  period: z.number().int().min(1).max(31_622_400).default(300).describe("Seconds per point"),
  start: epochMs.optional().describe("Epoch milliseconds; default: `range` before `end`"),
  end: epochMs.optional().describe("Epoch milliseconds; default: now"),
  range: z.number().int().min(1).max(315_360_000).optional().describe("Seconds before `end` (default one day)"),
  accumulate: z.boolean().default(false).describe("Fold the whole range into one point"),
  limit: z.number().int().min(1).max(MAX_BUCKETS).optional().describe("At most this many points (default 1000)"),
  timezone: z.string().max(64).optional().describe("IANA time zone for day and longer buckets (default UTC)"),
});
export type FetchItem = z.output<typeof fetchItem>;

export const metricBucket = z.object({
  timestamp: z.number().describe("Start of the bucket, epoch milliseconds"),
  value: z.number(),
  count: z.number().int(),
  min: z.number(),
  max: z.number(),
});
export type MetricBucket = z.infer<typeof metricBucket>;

/** The whole range's statistics, from the stored aggregates (legends use these, never the points). */
export const metricSummary = z.object({
  count: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  avg: z.number().nullable(),
  sum: z.number(),
  last: z.number().nullable(),
  lastTimestamp: z.number().nullable(),
});
export type MetricSummary = z.infer<typeof metricSummary>;

export const fetchedSeries = z.object({
  namespace: z.string(),
  metric: z.string(),
  dimensions: z.record(z.string(), z.string()),
  statistic: statisticField,
  period: z.number().int().describe("Seconds per point as answered (it may be coarser than asked)"),
  start: z.number(),
  end: z.number(),
  timezone: z.string(),
  points: z.array(metricBucket).describe("Buckets with data only: a gap has no point"),
  summary: metricSummary,
});
export type FetchedSeries = z.infer<typeof fetchedSeries>;

export const fetchMetrics = defineVerb({
  controller: "metric",
  verb: "fetch",
  summary: "Chart data: each item's points per period over a range",
  allow: ["viewer"],
  input: {
    items: z
      .array(fetchItem)
      .min(1)
      .max(32)
      .meta({ "x-server-judged": "each item's start before its end, and a time zone the server knows" }),
  },
  output: z.array(fetchedSeries),
});

export const getMetricList = defineVerb({
  controller: "metric",
  verb: "getMetricList",
  summary: "The namespaces, metrics and dimension sets the account has data for",
  allow: ["viewer"],
  input: { namespace: namespaceField.optional(), metric: metricName.optional() },
  output: z.object({
    namespaces: z.array(z.string()),
    metrics: z.array(z.string()),
    dimensions: z.array(z.record(z.string(), z.string())),
  }),
});

export const getMetric = defineVerb({
  controller: "metric",
  verb: "get",
  summary: "One value: the statistic over the last `period` seconds (a device: of its own series)",
  allow: ["viewer", "device"],
  input: {
    namespace: namespaceField.default(DEFAULT_NAMESPACE),
    metric: metricName,
    dimensions: dimensionSet.default({}),
    statistic: statisticField.default("current"),
    period: z.number().int().min(1).max(31_622_400).default(86_400),
  },
  output: z.object({ value: z.number().nullable(), timestamp: z.number().nullable() }),
});

/** A series' latest value, for the device page. */
export const latestValue = z.object({
  namespace: z.string(),
  metric: z.string(),
  dimensions: z.record(z.string(), z.string()),
  value: z.number(),
  timestamp: z.number(),
});

// metric/latest (+) — every series of one device with its newest value
export const latestMetrics = defineVerb({
  controller: "metric",
  verb: "latest",
  summary: "The newest value of each of a device's series (dimension Device = id)",
  allow: ["viewer"],
  input: { deviceId: z.string().min(1).max(64) },
  output: z.array(latestValue),
});
