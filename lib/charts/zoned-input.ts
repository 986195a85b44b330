import { offsetMinutes } from "@/lib/metrics/buckets";

// A datetime-local field holds a wall-clock time with no zone. The dashboard's custom range reads
// and writes it in the dashboard's time zone, not the browser's, so "09:00" means 09:00 where the
// dashboard says it is.

const two = (n: number) => String(n).padStart(2, "0");

/** The wall-clock time of `ms` in `zone`, as a datetime-local value ("2026-10-25T02:30"). */
export function toZonedInput(ms: number, zone: string): string {
  const wall = new Date(ms + offsetMinutes(zone, ms) * 60_000);
  return `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
}

/**
 * The instant a datetime-local value names in `zone`; NaN when it is not one. A wall time that
 * occurs twice (clocks going back) is the earlier instant; one that never occurs (clocks going
 * forward) moves on by the gap, as the browsers do.
 */
export function fromZonedInput(text: string, zone: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(text);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Read with the offset of the day before and with the offset that reading lands in: where both
  // name this wall time (clocks going back) the earlier wins; where neither does (clocks going
  // forward), the offset from before the change moves it on by the gap.
  const before = wall - offsetMinutes(zone, wall - 86_400_000) * 60_000;
  const after = wall - offsetMinutes(zone, before) * 60_000;
  const readings = [before, after].filter((instant) => toZonedInput(instant, zone) === text);
  return readings.length ? Math.min(...readings) : before;
}
