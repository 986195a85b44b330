import type { DimensionSet } from "../contracts/metric";

// Which series a metric action watches (decision 018): those of its namespace and metric with
// exactly its dimension names, each value equal to the action's or matched by its "*". Each
// matching series is a subject of its own.

export function dimensionsMatch(watched: DimensionSet, series: DimensionSet): boolean {
  const names = Object.keys(watched);
  if (names.length !== Object.keys(series).length) return false;
  return names.every(
    (name) => Object.hasOwn(series, name) && (watched[name] === "*" || watched[name] === series[name]),
  );
}
