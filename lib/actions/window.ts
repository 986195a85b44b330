import type { Statistic } from "../contracts/metric";
import { aggregateOf, bucketStart, merge, statisticOf, type Aggregate } from "../metrics/aggregate";

// The recent buckets of one series, from which a metric action's statistic over its period is
// read at any time (decision 018): minute buckets in the engine (seeded from the minute rollups,
// then fed point by point), coarser ones in the form's preview. The period is whole buckets ending
// with the one holding the time asked about. The buckets before that one are folded once per
// bucket and period, so a point costs a merge, not a fold of the whole period.

interface Folded {
  /** The bucket the fold stops before (the time's own bucket, merged in at each read). */
  current: number;
  closed: Aggregate | null;
  stale: boolean;
}

const copy = (a: Aggregate): Aggregate => ({ ...a });

export class SeriesWindow {
  private readonly buckets = new Map<number, Aggregate>();
  /** Per period span: the fold of the buckets before the current one. */
  private readonly folds = new Map<number, Folded>();
  /** The newest point's time seen: the series' own clock. */
  latest = Number.NEGATIVE_INFINITY;

  constructor(readonly resolutionSeconds = 60) {}

  get size(): number {
    return this.buckets.size;
  }

  add(timestamp: number, value: number): void {
    this.addBucket(bucketStart(timestamp, this.resolutionSeconds), aggregateOf(value, timestamp));
  }

  /** A stored bucket (or a point as one) merged in. */
  addBucket(start: number, aggregate: Aggregate): void {
    const known = this.buckets.get(start);
    if (known) merge(known, aggregate);
    else this.buckets.set(start, copy(aggregate));
    if (aggregate.lastTimestamp > this.latest) this.latest = aggregate.lastTimestamp;
    for (const fold of this.folds.values()) if (start < fold.current) fold.stale = true;
  }

  /** The period's span in ms: whole buckets, at least one. */
  spanOf(periodSeconds: number): number {
    const resolution = this.resolutionSeconds;
    return Math.max(1, Math.ceil(periodSeconds / resolution)) * resolution * 1000;
  }

  /** The aggregate of the period ending with the bucket of `at`; null when it holds no point. */
  aggregateAt(at: number, periodSeconds: number): Aggregate | null {
    const span = this.spanOf(periodSeconds);
    const current = bucketStart(at, this.resolutionSeconds);
    let fold = this.folds.get(span);
    if (!fold || fold.current !== current || fold.stale) {
      fold = { current, closed: this.fold(current - span, current), stale: false };
      this.folds.set(span, fold);
    }
    const own = this.buckets.get(current);
    if (!fold.closed) return own ? copy(own) : null;
    return own ? merge(copy(fold.closed), own) : copy(fold.closed);
  }

  /** The condition's variables at `at`: null when nothing is known (see observationOf). */
  variablesAt(at: number, periodSeconds: number, statistic: Statistic): Record<string, number> | null {
    const aggregate = this.aggregateAt(at, periodSeconds);
    if (!aggregate) {
      // An empty period still has a count and a sum; every other statistic is unknown.
      return statistic === "count" || statistic === "sum" ? { value: 0, count: 0, sum: 0 } : null;
    }
    return {
      value: statisticOf(aggregate, statistic),
      count: aggregate.count,
      min: aggregate.min,
      max: aggregate.max,
      avg: aggregate.sum / aggregate.count,
      sum: aggregate.sum,
    };
  }

  /** The last point's time of each bucket before the one holding `before`, oldest first. */
  observedTimes(before: number): number[] {
    const current = bucketStart(before, this.resolutionSeconds);
    return [...this.buckets]
      .filter(([start]) => start < current)
      .map(([, aggregate]) => aggregate.lastTimestamp)
      .sort((a, b) => a - b);
  }

  /** Forgets buckets that no period of `longestSeconds` ending at `at` or later can reach. */
  prune(at: number, longestSeconds: number): void {
    const oldest = bucketStart(at, this.resolutionSeconds) - this.spanOf(longestSeconds);
    for (const start of this.buckets.keys()) if (start <= oldest) this.buckets.delete(start);
  }

  private fold(after: number, before: number): Aggregate | null {
    let total: Aggregate | null = null;
    for (const [start, aggregate] of this.buckets) {
      if (start <= after || start >= before) continue;
      total = total ? merge(total, aggregate) : copy(aggregate);
    }
    return total;
  }
}
