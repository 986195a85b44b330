import { PICKED_DEVICE } from "@/lib/contracts/dashboard";
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
