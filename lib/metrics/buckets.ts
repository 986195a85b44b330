import { RESOLUTIONS, type Resolution } from "./aggregate";

// How a chart's range is cut into buckets, and which stored resolution fills them (decision 012).
// A query reads one row per stored bucket, so its cost follows the number of buckets, never the
// number of points: the period is coarsened until the range holds at most `maxBuckets`, and the
// coarsest resolution that divides the period is read.

const DAY = 86_400;

export interface BucketPlan {
  /** Seconds per answered bucket. */
  period: number;
  /** The stored resolution read, or "raw" for periods under a minute. */
  source: Resolution | "raw";
  /** Bucket starts, ascending, plus the end of the last: bucket i is [edges[i], edges[i+1]). */
  edges: number[];
}

/**
 * One formatter per zone: building one costs far more than using it, and a plan asks thousands of
 * times. Zone names are case-insensitive, so they are kept lower-cased: the map holds at most one
 * entry per zone the runtime knows.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  const name = zone.toLowerCase();
  let formatter = formatters.get(name);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(name, formatter);
  }
  return formatter;
}

/** The offset of `zone` from UTC at `instant`, in minutes. */
export function offsetMinutes(zone: string, instant: number): number {
  const parts = formatterOf(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of local midnight starting the day of `instant` in `zone`. */
function localMidnight(zone: string, instant: number): number {
  const offset = offsetMinutes(zone, instant) * 60_000;
  const wallDay = Math.floor((instant + offset) / (DAY * 1000)) * DAY * 1000;
  // The offset at midnight may differ from the offset at `instant` (a change that day): settle it.
  let guess = wallDay - offset;
  for (let i = 0; i < 3; i++) {
    const next = wallDay - offsetMinutes(zone, guess) * 60_000;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** Local midnights from the day holding `start` until one at or after `end`: days of 23, 24 or 25 hours. */
function dayEdges(zone: string, start: number, end: number, days: number): number[] {
  const edges = [localMidnight(zone, start)];
  for (let last = edges[0]!; last < end; edges.push(last)) {
    // Noon of the day `days` days on lies in that local day whatever changes happen on the way.
    last = localMidnight(zone, last + (days * DAY + DAY / 2) * 1000);
  }
  return edges;
}

/** Whether every offset the zone takes between `start` and `end` is a whole number of hours. */
function wholeHourOffsets(zone: string, edges: readonly number[]): boolean {
  return edges.every((edge) => offsetMinutes(zone, edge) % 60 === 0);
}

/**
 * The period a range answers in: at least `asked`, at most `maxBuckets` buckets, a multiple of what
 * is stored. When the bucket limit sets it, the coarsest resolution within a factor two is read,
 * so a long range costs at most about two rows per bucket (30 days: hours, not 43,200 minutes).
 */
export function periodFor(asked: number, rangeMs: number, maxBuckets: number): number {
  const least = Math.ceil(rangeMs / 1000 / maxBuckets);
  const period = Math.max(asked, least);
  const resolution = RESOLUTIONS.find((r) => r <= (asked >= least ? asked : 2 * least));
  return resolution ? Math.ceil(period / resolution) * resolution : period;
}

/** The buckets of [start, end) for `period`, and the stored resolution that fills them exactly. */
export function planBuckets(period: number, start: number, end: number, zone: string): BucketPlan {
  if (period % DAY === 0 && zone !== "UTC") {
    const edges = dayEdges(zone, start, end, period / DAY);
    return { period, source: wholeHourOffsets(zone, edges) ? 3_600 : 60, edges };
  }
  const source = RESOLUTIONS.find((r) => period % r === 0) ?? "raw";
  const step = period * 1000;
  const edges: number[] = [];
  for (let edge = Math.floor(start / step) * step; ; edge += step) {
    edges.push(edge);
    if (edge >= end) break;
  }
  return { period, source, edges };
}
