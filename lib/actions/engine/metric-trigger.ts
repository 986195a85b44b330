import type { DimensionSet } from "../../contracts/metric";
import type { ActionRecord } from "../../db/actions";
import { findSeriesId, readRollups } from "../../db/metrics/read";
import { log } from "../../log";
import { bucketStart } from "../../metrics/aggregate";
import type { StoredPoint, StoredPoints } from "../../metrics/stored-points";
import { seriesKeyOf } from "../../services/metrics/series-key";
import { dimensionsMatch } from "../series-match";
import { episodeConditions, observationOf, type EpisodeConditions } from "../episode";
import { SeriesWindow } from "../window";
import type { SubjectEpisodes } from "./subjects";

// Metric triggers (decision 018): points announced after their batch commits are matched to the
// actions watching their series by one Map lookup (nothing else happens to a point no action
// watches), folded into the series' window of minute buckets, and the statistic over each
// action's period is checked at the point's time. A poll checks the windows again as the clock
// moves, so a condition that holds fires without new points. Everything runs in one queue, in
// arrival order, after ingest's call has answered.

const MINUTE = 60;
/** Points waiting beyond this are dropped (logged): the engine must never hold ingest's memory hostage. */
const MAX_QUEUED_POINTS = 1_000_000;

interface Watch {
  action: ActionRecord;
  conditions: EpisodeConditions;
}

interface SeriesState {
  accountId: string;
  key: string;
  metric: string;
  namespace: string;
  dimensions: DimensionSet;
  deviceId: string | null;
  window: SeriesWindow;
  /** The watches matching this series, as of catalogue `version`. */
  watches: Watch[];
  version: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const indexKey = (accountId: string, namespace: string, metric: string) => `${accountId}|${namespace}|${metric}`;
const stateKey = (accountId: string, key: string) => `${accountId}\n${key}`;

/** A series key back into its parts: namespace and metric never hold "|" (series-key.ts). */
function seriesOfKey(key: string): { namespace: string; metric: string; dimensions: DimensionSet } | null {
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

export class MetricTrigger {
  private index = new Map<string, Watch[]>();
  private readonly series = new Map<string, SeriesState>();
  private version = 0;
  private queue: StoredPoints[] = [];
  private queuedPoints = 0;
  /** The one chain all work runs on: points, polls and reloads never interleave. */
  private work: Promise<void> = Promise.resolve();
  private draining = false;
  private readonly polled = new Map<string, number>();

  constructor(
    private readonly subjects: SubjectEpisodes,
    private readonly now: () => number,
  ) {}

  /** Called by ingest inside its call: note the watched points, nothing more. */
  readonly listener = (stored: StoredPoints): void => {
    if (this.index.size === 0) return;
    const watched = stored.points.filter((p) => this.index.has(indexKey(stored.accountId, p.namespace, p.metric)));
    if (!watched.length) return;
    if (this.queuedPoints + watched.length > MAX_QUEUED_POINTS) {
      log.warn("action engine behind: points dropped", { points: watched.length });
      return;
    }
    this.queue.push({ accountId: stored.accountId, points: watched });
    this.queuedPoints += watched.length;
    if (!this.draining) {
      this.draining = true;
      void this.enqueue(() => this.drain());
    }
  };

  /** Runs `job` between points and polls, never during one. */
  exclusively(job: () => Promise<void>): Promise<void> {
    return this.enqueue(job);
  }

  /**
   * Watches these actions from now on (the metric ones), with the series their pending or firing
   * episodes name. Run it `exclusively`.
   */
  async watch(actions: readonly ActionRecord[]): Promise<void> {
    const index = new Map<string, Watch[]>();
    for (const action of actions) {
      if (action.trigger !== "metric") continue;
      const conditions = episodeConditions(action.expression, action.clear);
      if (!conditions) {
        log.warn("metric action with an unreadable condition skipped", { actionId: action.id });
        continue;
      }
      const key = indexKey(action.accountId, action.namespace, action.metric);
      index.set(key, [...(index.get(key) ?? []), { action, conditions }]);
    }
    this.index = index;
    this.version++;
    const ids = new Set([...index.values()].flat().map((watch) => watch.action.id));
    for (const id of this.polled.keys()) if (!ids.has(id)) this.polled.delete(id);
    for (const watches of index.values()) {
      for (const { action } of watches) await this.restore(action);
    }
  }

  /** Checks every watched series whose action's poll interval has passed, at the current time. */
  poll(): Promise<void> {
    return this.enqueue(async () => {
      const now = this.now();
      const due = new Set<string>();
      for (const watches of this.index.values()) {
        for (const { action } of watches) {
          if ((this.polled.get(action.id) ?? 0) + action.poll * 1000 > now) continue;
          this.polled.set(action.id, now);
          due.add(action.id);
        }
      }
      for (const [key, state] of this.series) {
        const watches = this.watchesOf(state);
        for (const watch of watches) {
          if (due.has(watch.action.id)) await this.evaluate(state, watch, Math.max(now, state.window.latest));
        }
        this.forgetIdle(key, state, watches, now);
      }
    });
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return this.enqueue(async () => {});
  }

  /** Chains `job` after the work before it; its failure is its caller's, the chain goes on. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.work.then(job);
    this.work = run.catch(() => {});
    return run;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const { accountId, points } = this.queue.shift()!;
      this.queuedPoints -= points.length;
      // In time order: a backfilled batch plays its points as they happened.
      const ordered = [...points].sort((a, b) => a.timestamp - b.timestamp);
      for (const point of ordered) {
        try {
          await this.take(accountId, point);
        } catch (error) {
          log.error("action engine: a point was not evaluated", { accountId, error: messageOf(error) });
        }
      }
    }
    this.draining = false;
  }

  private async take(accountId: string, point: StoredPoint): Promise<void> {
    const candidates = this.index.get(indexKey(accountId, point.namespace, point.metric));
    if (!candidates?.some((watch) => dimensionsMatch(watch.action.dimensions, point.dimensions))) return;
    const { key } = seriesKeyOf(point.namespace, point.metric, point.dimensions);
    let state = this.series.get(stateKey(accountId, key));
    if (!state) {
      state = this.newState(accountId, key, point);
      // The rollups hold this point and those of its batch already: seed the buckets before it.
      await this.seed(state, bucketStart(point.timestamp, MINUTE));
    }
    state.window.add(point.timestamp, point.value);
    const at = Math.max(point.timestamp, state.window.latest);
    for (const watch of this.watchesOf(state)) await this.evaluate(state, watch, at);
  }

  private newState(
    accountId: string,
    key: string,
    series: { namespace: string; metric: string; dimensions: DimensionSet },
  ): SeriesState {
    const state: SeriesState = {
      accountId,
      key,
      namespace: series.namespace,
      metric: series.metric,
      dimensions: series.dimensions,
      deviceId: series.dimensions.Device ?? null,
      window: new SeriesWindow(MINUTE),
      watches: [],
      version: -1,
    };
    this.series.set(stateKey(accountId, key), state);
    return state;
  }

  /** The minute rollups of the longest watched period before `before`. */
  private async seed(state: SeriesState, before: number): Promise<void> {
    const longest = Math.max(...this.watchesOf(state).map((w) => w.action.period), MINUTE);
    const id = await findSeriesId(state.accountId, state.key);
    if (id === null) return;
    const from = before - state.window.spanOf(longest);
    for (const bucket of await readRollups(id, MINUTE, from, before)) state.window.addBucket(bucket.bucket, bucket);
  }

  /**
   * A series whose episode is pending or firing for a watching action is watched at once (a
   * restart, another worker's episode), so polls go on without waiting for its next point.
   */
  private async restore(action: ActionRecord): Promise<void> {
    for (const subject of this.subjects.active(action.id)) {
      if (this.series.has(stateKey(action.accountId, subject))) continue;
      const series = seriesOfKey(subject);
      if (!series) continue;
      const state = this.newState(action.accountId, subject, series);
      await this.seed(state, bucketStart(this.now(), MINUTE) + MINUTE * 1000);
    }
  }

  private watchesOf(state: SeriesState): Watch[] {
    if (state.version !== this.version) {
      const candidates = this.index.get(indexKey(state.accountId, state.namespace, state.metric)) ?? [];
      state.watches = candidates.filter((watch) => dimensionsMatch(watch.action.dimensions, state.dimensions));
      state.version = this.version;
    }
    return state.watches;
  }

  private async evaluate(state: SeriesState, watch: Watch, at: number): Promise<void> {
    const { action } = watch;
    const variables = state.window.variablesAt(at, action.period, action.statistic);
    const value = variables?.value ?? null;
    await this.subjects.advance(
      action,
      { key: state.key, deviceId: state.deviceId, value },
      observationOf(watch.conditions, variables, at),
      () => ({
        value,
        metric: state.metric,
        namespace: state.namespace,
        dimensions: state.dimensions,
        statistic: action.statistic,
        period: action.period,
        device: state.deviceId ?? "",
      }),
    );
  }

  /** A series no action watches, or whose window emptied with every episode clear, is forgotten. */
  private forgetIdle(key: string, state: SeriesState, watches: readonly Watch[], now: number): void {
    const longest = Math.max(...watches.map((w) => w.action.period), MINUTE);
    state.window.prune(Math.max(now, state.window.latest), longest);
    const active = watches.some((w) => this.subjects.episode(w.action.id, state.key).state !== "clear");
    if (!watches.length || (state.window.size === 0 && !active)) this.series.delete(key);
  }
}
