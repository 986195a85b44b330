import type { ActionRecord } from "../../db/actions";
import { claimRun } from "../../db/action-runs";
import { findActionSubjects } from "../../db/action-subjects";
import { actionsVersion, watchedActions } from "../../db/action-triggers";
import { db, transaction } from "../../db/client";
import { newId } from "../../ids";
import { log } from "../../log";
import { onStoredPoints } from "../../metrics/stored-points";
import { resolveAlerts } from "../../services/alerts";
import { actionActor, alertSeq } from "../steps/alert";
import { AlertTrigger } from "./alert-trigger";
import { RunExecutor } from "./executor";
import { MetricTrigger } from "./metric-trigger";
import { OfflineTrigger } from "./offline-trigger";
import { ScheduleTrigger } from "./schedule-trigger";
import { SubjectEpisodes, type Firing } from "./subjects";

// The action engine (decision 018): metric points as they are stored, and a tick (every second in
// the worker) for what time alone changes: held conditions, offline devices, schedules, new
// alerts, and runs queued elsewhere. Several engines may share a database: every firing is a claim
// under a deterministic key, so a trigger seen by all of them is recorded, and run, once.

export interface EngineOptions {
  /** The clock: every decision the engine makes reads it (tests drive it). */
  now?: () => number;
  /** How long a taken run stays this engine's. */
  leaseMs?: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ActionEngine {
  readonly now: () => number;
  private readonly executor: RunExecutor;
  private readonly subjects: SubjectEpisodes;
  private readonly metric: MetricTrigger;
  private readonly offline: OfflineTrigger;
  private readonly schedules: ScheduleTrigger;
  private readonly alerts: AlertTrigger;
  /** The actions last loaded, as `actionsVersion` named them. */
  private version: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(options: EngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.executor = new RunExecutor({ now: this.now, leaseMs: options.leaseMs ?? 5 * 60_000, batch: 50 });
    this.subjects = new SubjectEpisodes({
      fire: (firing) => this.fire(firing),
      cleared: (action, subject, deviceId) => this.resolve(action, subject, deviceId),
    });
    const fire = (firing: Firing) => this.fire(firing);
    this.metric = new MetricTrigger(this.subjects, this.now);
    this.offline = new OfflineTrigger(this.subjects, this.now);
    this.schedules = new ScheduleTrigger(fire, this.now);
    this.alerts = new AlertTrigger(fire, this.now);
  }

  /** Hears stored points from now on. */
  listen(): void {
    this.unsubscribe ??= onStoredPoints(this.metric.listener);
  }

  /** One look at everything time changes; each part's failure is logged and the others go on. */
  async tick(): Promise<void> {
    await this.part("actions", () => this.reload());
    await this.part("metric poll", () => this.metric.poll());
    await this.part("offline devices", () => this.offline.poll());
    await this.part("schedules", () => this.schedules.poll());
    await this.part("alerts", () => this.alerts.poll());
    await this.part("queued runs", () => this.executor.poll());
  }

  /** Resolves when the points heard so far are evaluated and the runs started so far have ended. */
  async idle(): Promise<void> {
    await this.metric.idle();
    await this.executor.idle();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.idle();
  }

  private async part(name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      log.error(`action engine: ${name} failed`, { error: messageOf(error) });
    }
  }

  /** Reloads the watched actions when any action changed, with the state of their subjects. */
  private async reload(): Promise<void> {
    const version = await actionsVersion(db());
    if (version === this.version) return;
    const actions = await watchedActions(db());
    const ids = new Set(actions.map((action) => action.id));
    // Between points: a transition in flight is saved before the subjects are read back.
    await this.metric.exclusively(async () => {
      this.subjects.load(ids, await findActionSubjects(db(), [...ids]));
      await this.metric.watch(actions);
    });
    this.offline.setActions(actions);
    this.alerts.setActions(actions);
    this.version = version;
  }

  private async fire(firing: Firing): Promise<void> {
    const now = this.now();
    const run = await claimRun(db(), {
      id: newId(now),
      accountId: firing.action.accountId,
      actionId: firing.action.id,
      trigger: firing.trigger,
      triggerKey: firing.triggerKey,
      deviceId: firing.deviceId,
      context: firing.context,
      created: new Date(now),
    });
    if (run) this.executor.submit(run);
  }

  /** An episode that fired has cleared: an alert action's alert for that subject is resolved. */
  private async resolve(action: ActionRecord, subject: string, deviceId: string | null): Promise<void> {
    if (action.type !== "alert") return;
    const seq = alertSeq(action, { subject, device: deviceId ?? "" });
    await transaction((tx) => resolveAlerts(tx, { accountId: action.accountId, seq, by: actionActor(action) }));
  }
}
