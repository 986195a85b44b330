import { EVERY_VALUE, MAX_WIDGET_SERIES, PICKED_DEVICE } from "@/lib/contracts/dashboard";
import type { DimensionSet } from "@/lib/contracts/metric";

/** A widget's dimension sets with `${device}` replaced by the device picked on the page; none picked keeps the sets that need none. */
export function withPickedDevice(sets: readonly DimensionSet[], device: string | null): DimensionSet[] {
  const needsDevice = (set: DimensionSet) => Object.values(set).includes(PICKED_DEVICE);
  return sets
    .filter((set) => device || !needsDevice(set))
    .map((set) =>
      Object.fromEntries(Object.entries(set).map(([name, value]) => [name, value === PICKED_DEVICE ? device! : value])),
    );
}

export const usesPickedDevice = (sets: readonly DimensionSet[]) =>
  sets.some((set) => Object.values(set).includes(PICKED_DEVICE));

export const usesEveryValue = (sets: readonly DimensionSet[]) =>
  sets.some((set) => Object.values(set).includes(EVERY_VALUE));

/** Whether a stored set matches a pattern: the same names, each value equal or `*`. */
function matches(pattern: DimensionSet, known: DimensionSet): boolean {
  const names = Object.keys(pattern);
  return (
    names.length === Object.keys(known).length &&
    names.every((name) => known[name] !== undefined && (pattern[name] === EVERY_VALUE || pattern[name] === known[name]))
  );
}

/**
 * Each set holding `*` replaced by the account's sets with data that match it (`known`, from
 * metric/getMetricList), in order, at most MAX_WIDGET_SERIES in all; other sets stay as they are.
 */
export function withEveryValue(sets: readonly DimensionSet[], known: readonly DimensionSet[]): DimensionSet[] {
  const expanded = sets.flatMap((set) =>
    Object.values(set).includes(EVERY_VALUE) ? known.filter((one) => matches(set, one)) : [set],
  );
  return expanded.slice(0, MAX_WIDGET_SERIES);
}
