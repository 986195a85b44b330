import type { DimensionSet } from "../../contracts/metric";

// A series is named by its namespace, metric and dimension set. The set is kept as canonical JSON
// (names sorted), so {"a":"1","b":"2"} and {"b":"2","a":"1"} are one series. The parts join with
// "|", which neither a namespace nor a metric name may hold, and the JSON comes last.

/** The set as canonical JSON; a set of one name (the usual {"Device": …}) is canonical as it is. */
function canonicalJson(dimensions: DimensionSet): string {
  const names = Object.keys(dimensions);
  if (names.length < 2) return JSON.stringify(dimensions);
  return JSON.stringify(Object.fromEntries(names.sort().map((name) => [name, dimensions[name]])));
}

export function seriesKeyOf(namespace: string, metric: string, dimensions: DimensionSet) {
  const canonical = canonicalJson(dimensions);
  return { key: `${namespace}|${metric}|${canonical}`, dimensions: canonical };
}
