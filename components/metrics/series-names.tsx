"use client";
import { createContext, useContext } from "react";
import { seriesLabel } from "@/lib/charts/format";

// The names of the devices a page knows, so series read "temperature Thermostat 1" rather than
// "temperature Device=69AKE65XQA". A page without them (the device's own page) shows IDs.

export const DeviceNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** Names a series as `seriesLabel` does, with the page's device names. */
export function useSeriesLabel(): (series: Parameters<typeof seriesLabel>[0]) => string {
  const names = useContext(DeviceNamesContext);
  return (series) => seriesLabel(series, names);
}
