import type { MetricBucket } from "@/lib/contracts/metric";

// A gap breaks the line. metric/fetch answers buckets with data only; here each series' usual
// interval (the median step between its points, at least the period) decides what is a gap: a
// step longer than twice it. A null row marks the break (never a zero, which would draw a false
// value).

/** One plotted row: the value line and the min/max band; both null at a break. */
export interface ChartRow {
  t: number;
  value: number | null;
  band: [number, number] | null;
  /** A point with a break (or nothing) on both sides: no line reaches it, so it is drawn as a dot. */
  lone?: boolean;
}

/** The median step between consecutive points, never shorter than the period (ms). */
export function usualInterval(points: readonly MetricBucket[], periodMs: number): number {
  const steps = points
    .slice(1)
    .map((point, i) => point.timestamp - points[i]!.timestamp)
    .sort((a, b) => a - b);
  if (steps.length === 0) return periodMs;
  return Math.max(periodMs, steps[Math.floor(steps.length / 2)]!);
}

/** The series as rows, with a null row after any point followed by a gap longer than twice its usual interval. */
export function rowsWithGaps(points: readonly MetricBucket[], periodMs: number): ChartRow[] {
  const interval = usualInterval(points, periodMs);
  const rows: ChartRow[] = [];
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (previous && point.timestamp - previous.timestamp > 2 * interval)
      rows.push({ t: previous.timestamp + interval, value: null, band: null });
    rows.push({ t: point.timestamp, value: point.value, band: [point.min, point.max] });
  });
  rows.forEach((row, i) => {
    if (row.value !== null && rows[i - 1]?.value == null && rows[i + 1]?.value == null) row.lone = true;
  });
  return rows;
}
