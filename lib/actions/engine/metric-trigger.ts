import type { ActionRecord } from "../../db/actions";
import { findSeriesOfMetric } from "../../db/metrics/read";
import { log } from "../../log";
import { bucketStart } from "../../metrics/aggregate";
import type { StoredPoint, StoredPoints } from "../../metrics/stored-points";
import { seriesKeyOf } from "../../services/metrics/series-key";
import type { DimensionSet } from "../../contracts/metric";
import { episodeConditions, observationOf } from "../episode";
import { dimensionsMatch } from "../series-match";
import type { SubjectEpisodes } from "./subjects";
import {
  MINUTE,
  seedSeries,
  seriesOfKey,
  watchedSeries,
  type SeriesName,
  type Watch,
  type WatchedSeries,
} from "./watched-series";

// Metric triggers (decision 018): points announced after their batch commits are matched to the
// actions watching their series by one Map lookup (nothing else happens to a point no action
// watches), folded into the series' window of minute buckets, and the statistic over each
// action's period is checked at the point's time. A poll checks the windows again as the clock
// moves, so a condition that holds fires without new points. Everything runs in one queue, in
// arrival order, after ingest's call has answered.

/** Points waiting beyond this are dropped (logged): the engine must never hold ingest's memory hostage. */
const MAX_QUEUED_POINTS = 1_000_000;
/** Series a new action takes up at once, with their stored data (more wait for their next point). */
const MAX_ADOPTED_SERIES = 10_000;
/** An action created this long before the engine started is new to it too (a reload racing a start). */
const NEW_ACTION_SLACK_MS = 60_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const indexKey = (accountId: string, namespace: string, metric: string) => `${accountId}|${namespace}|${metric}`;
const stateKey = (accountId: string, key: string) => `${accountId}\n${key}`;

export class MetricTrigger {
  private index = new Map<string, Watch[]>();
  private readonly series = new Map<string, WatchedSeries>();
  private version = 0;
  private queue: StoredPoints[] = [];
  private queuedPoints = 0;
  /** The one chain all work runs on: points, polls and reloads never interleave. */
  private work: Promise<void> = Promise.resolve();
  private draining = false;
  private readonly polled = new Map<string, number>();
  private readonly startedAt: number;

  constructor(
    private readonly subjects: SubjectEpisodes,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
  }

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
   * episodes name, and, for an action created since the engine started, every series it matches.
   * Run it `exclusively`.
   */
  async watch(actions: readonly ActionRecord[]): Promise<void> {
    const known = new Set([...this.index.values()].flat().map((watch) => watch.action.id));
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
      for (const { action } of watches) {
        await this.restore(action);
        if (!known.has(action.id) && action.created.getTime() >= this.startedAt - NEW_ACTION_SLACK_MS)
          await this.adopt(action);
      }
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
    // The rollups hold this point and those of its batch already: seed the buckets before it.
    if (!state) state = await this.startWatching(accountId, key, point, bucketStart(point.timestamp, MINUTE));
    state.window.add(point.timestamp, point.value);
    const at = Math.max(point.timestamp, state.window.latest);
    for (const watch of this.watchesOf(state)) await this.evaluate(state, watch, at);
  }

  /** Watches a series from now on, its window seeded with the rollups before `before`. */
  private async startWatching(
    accountId: string,
    key: string,
    name: SeriesName,
    before: number,
    seriesId?: number,
  ): Promise<WatchedSeries> {
    const state = watchedSeries(accountId, key, name);
    this.series.set(stateKey(accountId, key), state);
    this.watchesOf(state);
    await seedSeries(state, before, seriesId);
    return state;
  }

  /** Everything stored up to now, for a series read whole rather than from its next point on. */
  private readonly throughNow = () => bucketStart(this.now(), MINUTE) + MINUTE * 1000;

  /**
   * A series whose episode is pending or firing for a watching action is watched at once (a
   * restart, another worker's episode), so polls go on without waiting for its next point.
   */
  private async restore(action: ActionRecord): Promise<void> {
    for (const subject of this.subjects.active(action.id)) {
      if (this.series.has(stateKey(action.accountId, subject))) continue;
      const series = seriesOfKey(subject);
      if (series) await this.startWatching(action.accountId, subject, series, this.throughNow());
    }
  }

  /**
   * A new action takes up the series it matches with what they hold, so points stored just before
   * the engine heard of it (a backfill sent as the action is saved) count from their own times.
   */
  private async adopt(action: ActionRecord): Promise<void> {
    const stored = await findSeriesOfMetric(action.accountId, action.namespace, action.metric, MAX_ADOPTED_SERIES);
    for (const row of stored) {
      const dimensions = JSON.parse(row.dimensions) as DimensionSet;
      if (!dimensionsMatch(action.dimensions, dimensions) || this.series.has(stateKey(action.accountId, row.key)))
        continue;
      const name = { namespace: action.namespace, metric: action.metric, dimensions };
      await this.startWatching(action.accountId, row.key, name, this.throughNow(), row.id);
    }
  }

  private watchesOf(state: WatchedSeries): Watch[] {
    if (state.version !== this.version) {
      const candidates = this.index.get(indexKey(state.accountId, state.namespace, state.metric)) ?? [];
      state.watches = candidates.filter((watch) => dimensionsMatch(watch.action.dimensions, state.dimensions));
      state.version = this.version;
    }
    return state.watches;
  }

  /**
   * Looks at the condition at `at`. The first look of an action at a series of which it has no
   * history at all first plays the series' stored buckets before `at`, each at its last point's
   * time: a condition already held in stored data fires now, under the time it began.
   */
  private async evaluate(state: WatchedSeries, watch: Watch, at: number): Promise<void> {
    const { id } = watch.action;
    if (!state.replayed.has(id)) {
      state.replayed.add(id);
      const episode = this.subjects.episode(id, state.key);
      if (episode.state === "clear" && episode.fired === null) {
        for (const time of state.window.observedTimes(at)) await this.observe(state, watch, time);
      }
    }
    await this.observe(state, watch, at);
  }

  private async observe(state: WatchedSeries, watch: Watch, at: number): Promise<void> {
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
  private forgetIdle(key: string, state: WatchedSeries, watches: readonly Watch[], now: number): void {
    const longest = Math.max(...watches.map((w) => w.action.period), MINUTE);
    state.window.prune(Math.max(now, state.window.latest), longest);
    const active = watches.some((w) => this.subjects.episode(w.action.id, state.key).state !== "clear");
    if (!watches.length || (state.window.size === 0 && !active)) this.series.delete(key);
  }
}
