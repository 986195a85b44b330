import type { Statistic } from "../contracts/metric";
import type { Aggregate } from "../metrics/aggregate";
import { CLEAR, observationOf, observe, type EpisodeConditions, type EpisodeRules } from "./episode";
import { SeriesWindow } from "./window";

// A metric action replayed over a series' stored buckets (decision 018): the same window and
// episode machine the engine runs, observed at each bucket's last point rather than at every
// point, for the action form's preview of how often it would have fired.

export interface ReplaySettings {
  conditions: EpisodeConditions;
  rules: EpisodeRules;
  periodSeconds: number;
  statistic: Statistic;
  /** The buckets' resolution: a period shorter than one bucket is read as one bucket. */
  resolutionSeconds: number;
}

export interface Replay {
  /** Statistic values evaluated. */
  samples: number;
  firings: Array<{ at: number; value: number }>;
}

/** Replays buckets (oldest first) from `from` on; earlier ones only fill the first periods. */
export function replaySeries(
  buckets: ReadonlyArray<Aggregate & { bucket: number }>,
  from: number,
  settings: ReplaySettings,
): Replay {
  const window = new SeriesWindow(settings.resolutionSeconds);
  let episode = CLEAR;
  const replay: Replay = { samples: 0, firings: [] };
  for (const bucket of buckets) {
    window.addBucket(bucket.bucket, bucket);
    const at = bucket.lastTimestamp;
    if (at < from) continue;
    const variables = window.variablesAt(at, settings.periodSeconds, settings.statistic);
    const step = observe(episode, observationOf(settings.conditions, variables, at), settings.rules);
    episode = step.episode;
    replay.samples++;
    if (step.transition?.kind === "fire") replay.firings.push({ at, value: variables?.value ?? Number.NaN });
    window.prune(at, settings.periodSeconds);
  }
  return replay;
}
