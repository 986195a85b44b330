// How charts write times and values: times in the widget's zone (`local` is the browser's), values
// with their units.

const zoneOf = (timezone: string) => (timezone === "local" ? undefined : timezone);

/** The IANA zone a fetch asks day buckets in: the browser's for `local`. */
export const ianaZone = (timezone: string) => zoneOf(timezone) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An axis tick: the time of day within a day's span, the date and time beyond it. */
export function tickFormatter(spanMs: number, timezone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat(undefined, {
    timeZone: zoneOf(timezone),
    ...(spanMs <= 86_400_000 ? { timeStyle: "short" } : { month: "short", day: "numeric", hour: "2-digit" }),
  });
  return (ms) => format.format(ms);
}

/** A tooltip's or a picker's time: date, time and the zone's name. */
export function formatInstant(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zoneOf(timezone),
    dateStyle: "medium",
    timeStyle: "long",
  }).format(ms);
}

/** A value to four significant digits, with its units; a dash when there is none. */
export function formatValue(value: number | null | undefined, units: string): string {
  if (value === null || value === undefined) return "—";
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  return units ? `${text} ${units}` : text;
}

/**
 * A series' name: the metric and its dimensions (`temperature Device=A1`); a device whose name is
 * known is shown by it instead (`temperature Thermostat 1`).
 */
export function seriesLabel(
  series: { metric: string; dimensions: Record<string, string> },
  deviceNames?: ReadonlyMap<string, string>,
): string {
  const dimensions = Object.entries(series.dimensions).map(([name, value]) =>
    name === "Device" && deviceNames?.get(value) ? deviceNames.get(value)! : `${name}=${value}`,
  );
  return [series.metric, ...dimensions].join(" ");
}
