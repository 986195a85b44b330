import type { DimensionSet } from "../../contracts/metric";

// A series is named by its namespace, metric and dimension set. The set is kept as canonical JSON
// (names sorted), so {"a":"1","b":"2"} and {"b":"2","a":"1"} are one series. The parts join with
// "|", which neither a namespace nor a metric name may hold, and the JSON comes last.

export function seriesKeyOf(namespace: string, metric: string, dimensions: DimensionSet) {
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : 1))));
  return { key: `${namespace}|${metric}|${canonical}`, dimensions: canonical };
}
