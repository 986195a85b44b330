import { PRESETS, rangeFromParams, rangeToParams, type PresetKey, type TimeRange } from "@/lib/charts/time-range";

// The ranges the device page offers, read from and written to the URL as the dashboard's are
// (lib/charts/time-range.ts): `range=7d`, or `from`/`to` after a zoom, so a link shows the same view.

const SHORT_LABELS: Partial<Record<PresetKey, string>> = { "1h": "1 h", "24h": "24 h", "7d": "7 d", "30d": "30 d" };

export const DEVICE_RANGES = PRESETS.flatMap((preset) => {
  const short = SHORT_LABELS[preset.key];
  return short ? [{ ...preset, short }] : [];
});
export type DeviceRange = (typeof DEVICE_RANGES)[number];

const DEFAULT_SECONDS = 86_400;

/** The range a URL asks for; a missing or unreadable one is the last 24 hours. */
export const deviceRange = (params: URLSearchParams): TimeRange => rangeFromParams(params, DEFAULT_SECONDS);

/** Whether `range` is this preset (a zoomed range is none of them). */
export const isPreset = (range: TimeRange, preset: DeviceRange) =>
  range.kind === "relative" && range.seconds === preset.seconds;

/** The query string that shows this preset, every other parameter kept. */
export const searchForPreset = (params: URLSearchParams, preset: DeviceRange) =>
  `?${rangeToParams({ kind: "relative", seconds: preset.seconds }, params).toString()}`;

/** The query string that shows the span from `from` to `to` (a zoom), every other parameter kept. */
export const searchForSpan = (params: URLSearchParams, from: number, to: number) =>
  `?${rangeToParams({ kind: "absolute", from, to }, params).toString()}`;
