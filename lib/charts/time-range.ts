// The dashboard's time range as the URL carries it, so a link shows the same view: a relative
// preset (`range=6h`, live: it moves on with every refresh) or absolute `from`/`to` (a custom range
// or a zoom: it stays put). The one place that reads and writes those parameters.

export const PRESETS = [
  { key: "1h", label: "Last 1 hour", seconds: 3_600 },
  { key: "6h", label: "Last 6 hours", seconds: 21_600 },
  { key: "24h", label: "Last 24 hours", seconds: 86_400 },
  { key: "7d", label: "Last 7 days", seconds: 604_800 },
  { key: "30d", label: "Last 30 days", seconds: 2_592_000 },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

/** Relative: the last `seconds` before now. Absolute: from `from` to `to` (epoch ms). */
export type TimeRange = { kind: "relative"; seconds: number } | { kind: "absolute"; from: number; to: number };

/** The shortest range a zoom or a custom range may have: one minute. */
export const MIN_RANGE_MS = 60_000;

/** Epoch ms from an ISO 8601 date or epoch ms; null when neither. */
export function parseInstant(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** The range the URL names; a missing or unreadable one falls back to `fallbackSeconds` back from now. */
export function rangeFromParams(params: URLSearchParams, fallbackSeconds: number): TimeRange {
  const from = parseInstant(params.get("from"));
  const to = parseInstant(params.get("to"));
  if (from !== null && to !== null && to - from >= MIN_RANGE_MS) return { kind: "absolute", from, to };
  const preset = PRESETS.find((p) => p.key === params.get("range"));
  return { kind: "relative", seconds: preset?.seconds ?? fallbackSeconds };
}

/** Writes the range into `params` (the others are kept): `range` for a preset, `from`/`to` otherwise. */
export function rangeToParams(range: TimeRange, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete("range");
  next.delete("from");
  next.delete("to");
  if (range.kind === "absolute") {
    next.set("from", new Date(range.from).toISOString());
    next.set("to", new Date(range.to).toISOString());
  } else {
    const preset = PRESETS.find((p) => p.seconds === range.seconds);
    if (preset) next.set("range", preset.key);
  }
  return next;
}

/** The range's bounds in epoch ms, as seen at `now`. */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  return range.kind === "absolute" ? { from: range.from, to: range.to } : { from: now - range.seconds * 1000, to: now };
}

/** The same span moved one whole span back (-1) or forward (+1); it becomes absolute. */
export function stepRange(range: TimeRange, direction: -1 | 1, now: number): TimeRange {
  const { from, to } = resolveRange(range, now);
  const span = to - from;
  return { kind: "absolute", from: from + direction * span, to: to + direction * span };
}

/** A zoom to the dragged span, in either direction; too narrow a drag (a click) zooms nowhere. */
export function zoomRange(a: number, b: number): TimeRange | null {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return to - from >= MIN_RANGE_MS ? { kind: "absolute", from, to } : null;
}

/** What the picker shows for the range. */
export function describeRange(range: TimeRange, format: (ms: number) => string): string {
  if (range.kind === "absolute") return `${format(range.from)} – ${format(range.to)}`;
  return PRESETS.find((p) => p.seconds === range.seconds)?.label ?? `Last ${Math.round(range.seconds / 60)} min`;
}
