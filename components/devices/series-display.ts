import { DEFAULT_NAMESPACE } from "@/lib/contracts/metric";

// How the device page names, orders and groups its series. A device's series all carry
// Device = its ID, so that dimension says nothing there and is left out.

interface Series {
  namespace: string;
  metric: string;
  dimensions: Record<string, string>;
}

/** The dimensions that tell a device's series of one metric apart ("Sensor=inlet"); "" when none do. */
export function otherDimensions(dimensions: Record<string, string>, deviceId: string): string {
  return Object.entries(dimensions)
    .filter(([name, value]) => !(name === "Device" && value === deviceId))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");
}

/** The namespace when it is not the usual one, so a reader can tell `Acme/Pump cpu` from `cpu`. */
export function unusualNamespace(namespace: string): string | null {
  return namespace === DEFAULT_NAMESPACE ? null : namespace;
}

/** One series' identity as a string: namespace, metric and dimensions in a fixed order. */
export function seriesKey(series: Series): string {
  const dimensions = Object.entries(series.dimensions).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([series.namespace, series.metric, dimensions]);
}

/** Series in reading order: by namespace (the usual one first), metric, then other dimensions. */
export function sortSeries<T extends Series>(list: readonly T[], deviceId: string): T[] {
  const order = (series: T) => [
    unusualNamespace(series.namespace) ?? "",
    series.metric,
    otherDimensions(series.dimensions, deviceId),
  ];
  return [...list].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x.reduce((found, part, i) => found || part.localeCompare(y[i]!), 0);
  });
}

/** A device's metrics, each with the series (dimension sets) it has: one chart per metric. */
export function metricsOf<T extends Series>(list: readonly T[], deviceId: string): Array<{ key: string; series: T[] }> {
  const groups = new Map<string, T[]>();
  for (const series of sortSeries(list, deviceId)) {
    const key = JSON.stringify([series.namespace, series.metric]);
    groups.set(key, [...(groups.get(key) ?? []), series]);
  }
  return [...groups].map(([key, series]) => ({ key, series }));
}
