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

/** The agent writes this literal in dimensions for its own ID. */
const OWN_ID = "${deviceId}";

/** A device's dimension set with its own ID in place of the literal `${deviceId}`. */
export const withOwnId = (set: DimensionSet, id: string): DimensionSet =>
  Object.fromEntries(Object.entries(set).map(([name, value]) => [name, value === OWN_ID ? id : value]));
