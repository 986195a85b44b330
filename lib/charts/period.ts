import { MAX_BUCKETS } from "@/lib/contracts/metric";

// Never more points than pixels: the period asked of metric/fetch is the range divided by the
// graph's width, rounded up to a period people read easily (and the rollups serve).
const NICE_PERIODS = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
  2_592_000, 31_536_000,
];

/** Seconds per point for a range of `rangeMs` drawn `pixels` wide: at most one point per pixel, and at most MAX_BUCKETS. */
export function periodForWidth(rangeMs: number, pixels: number): number {
  const points = Math.max(1, Math.min(Math.floor(pixels), MAX_BUCKETS));
  const least = Math.ceil(rangeMs / 1000 / points);
  return NICE_PERIODS.find((period) => period >= least) ?? Math.ceil(least);
}
