import type { DimensionSet } from "../../contracts/metric";
import type { ActionRecord } from "../../db/actions";
import { findSeriesId, readRollups } from "../../db/metrics/read";
import type { EpisodeConditions } from "../episode";
import { SeriesWindow } from "../window";

// The series a metric trigger watches (decision 018): each with its window of minute buckets,
// seeded from the stored minute rollups the first time the engine watches it.

export const MINUTE = 60;

export interface Watch {
  action: ActionRecord;
  conditions: EpisodeConditions;
}

export interface WatchedSeries {
  accountId: string;
  key: string;
  metric: string;
  namespace: string;
  dimensions: DimensionSet;
  deviceId: string | null;
  window: SeriesWindow;
  /** The watches matching this series, as of the trigger's catalogue `version`. */
  watches: Watch[];
  version: number;
  /** Actions whose episode of this series has had its stored history played (see MetricTrigger.evaluate). */
  replayed: Set<string>;
}

export interface SeriesName {
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
}

export function watchedSeries(accountId: string, key: string, series: SeriesName): WatchedSeries {
  return {
    accountId,
    key,
    namespace: series.namespace,
    metric: series.metric,
    dimensions: series.dimensions,
    deviceId: series.dimensions.Device ?? null,
    window: new SeriesWindow(MINUTE),
    watches: [],
    version: -1,
    replayed: new Set(),
  };
}

/** A series key back into its parts: namespace and metric never hold "|" (series-key.ts). */
export function seriesOfKey(key: string): SeriesName | null {
  const first = key.indexOf("|");
  const second = key.indexOf("|", first + 1);
  if (first < 0 || second < 0) return null;
  try {
    const dimensions = JSON.parse(key.slice(second + 1)) as DimensionSet;
    return { namespace: key.slice(0, first), metric: key.slice(first + 1, second), dimensions };
  } catch {
    return null;
  }
}

/** How far back a watch looks: its period, and the hold a condition found in stored data needs. */
export const reachOf = (watches: readonly Watch[]) =>
  Math.max(...watches.map((w) => w.action.period + w.action.hold), MINUTE);

/** Loads the stored minute rollups of the watches' reach before `before` into the series' window. */
export async function seedSeries(series: WatchedSeries, before: number, id?: number): Promise<void> {
  const seriesId = id ?? (await findSeriesId(series.accountId, series.key));
  if (seriesId === null) return;
  const from = before - series.window.spanOf(reachOf(series.watches));
  for (const bucket of await readRollups(seriesId, MINUTE, from, before))
    series.window.addBucket(bucket.bucket, bucket);
}
