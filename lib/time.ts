// How the portal writes a time: relative to now ("3 min ago", "in 7 days") where it is read, and
// exact (in the reader's locale and zone) where someone asks for it. The one place for both.

/** The exact time in the reader's locale, with its zone; a dash when there is none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" });
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Each step: below `under`, count in `unit` (written with `label`, plural or not).
const STEPS = [
  { under: MINUTE, unit: SECOND, label: () => "s" },
  { under: HOUR, unit: MINUTE, label: () => "min" },
  { under: DAY, unit: HOUR, label: () => "h" },
  { under: 30 * DAY, unit: DAY, label: (n: number) => (n === 1 ? "day" : "days") },
  { under: 365 * DAY, unit: 30 * DAY, label: (n: number) => (n === 1 ? "month" : "months") },
  { under: Infinity, unit: 365 * DAY, label: (n: number) => (n === 1 ? "year" : "years") },
] as const;

/** "just now", "42 s ago", "3 min ago", "5 h ago", "2 days ago", "in 7 days"… as seen at `now`. */
export function relativeTime(iso: string, now: number): string {
  const diff = new Date(iso).getTime() - now;
  const distance = Math.abs(diff);
  if (distance < 10 * SECOND) return "just now";
  const step = STEPS.find((s) => distance < s.under)!;
  const count = Math.floor(distance / step.unit);
  const amount = `${count} ${step.label(count)}`;
  return diff < 0 ? `${amount} ago` : `in ${amount}`;
}

/** Whether this runtime knows a time zone (`UTC` or an IANA name), so a time can be drawn in it. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
