import { performance } from "node:perf_hooks";
import { findAction, type ActionRecord } from "../../db/actions";
import type { RunRecord } from "../../db/action-runs";
import { db, transaction } from "../../db/client";
import { findTakableRuns, settleRun, failRun, takeRun, type RunEnd } from "../../db/run-leases";
import { ApiError } from "../../errors";
import { log } from "../../log";
import { activeWindow } from "../../services/maintenance";
import { steps } from "../steps";
import type { StepInput, StepResult } from "../steps/types";

// The run executor (decision 018). A run this worker claimed is taken at once, in-process; runs
// queued elsewhere (action/invoke, inbound webhooks) or left by a worker that died are found by a
// poll. Taking is one conditional update with a lease, so each run is run by one worker. The step
// runs in one transaction with the run's outcome: its effect exists exactly when the run says it
// succeeded (or is being delivered). A step's error fails the run with its message; nothing a step
// does can stop the worker.

export interface ExecutorOptions {
  now: () => number;
  /** How long a taken run is this worker's: far longer than a step's transaction may last. */
  leaseMs: number;
  /** Queued runs taken per poll. */
  batch: number;
}

/** What a run history may say about an error: our own errors' messages; anything else is logged. */
function messageOf(error: unknown, run: RunRecord): string {
  if (error instanceof ApiError) return error.message;
  log.error("action step failed", { runId: run.id, actionId: run.actionId, error: String(error) });
  return "The step failed with an internal error (logged)";
}

/** A trigger about a device in maintenance runs no step but an alert, whose alert is recorded silenced. */
async function maintenanceSkip(
  tx: Parameters<typeof activeWindow>[0],
  action: ActionRecord,
  run: RunRecord,
  now: Date,
): Promise<StepResult | null> {
  if (action.type === "alert" || !run.deviceId) return null;
  const window = await activeWindow(tx, { accountId: run.accountId, deviceId: run.deviceId, at: now });
  if (!window) return null;
  return {
    outcome: "skipped",
    detail: `In maintenance window until ${window.until}${window.reason ? `: ${window.reason}` : ""}`,
  };
}

export class RunExecutor {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: ExecutorOptions) {}

  /** Runs a run this worker just claimed, without waiting for the next poll. */
  submit(run: RunRecord): void {
    this.track(this.execute(run.id));
  }

  /** Takes the runs queued by others (or abandoned), and runs them. */
  async poll(): Promise<void> {
    const ids = await findTakableRuns(db(), new Date(this.options.now()), this.options.batch);
    for (const id of ids) this.track(this.execute(id));
  }

  /** Resolves when every run started so far has ended. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running);
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => log.error("action run not recorded", { error: String(error) }))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async execute(id: string): Promise<void> {
    const now = new Date(this.options.now());
    const run = await takeRun(db(), id, now, new Date(now.getTime() + this.options.leaseMs));
    if (!run) return;
    const started = performance.now();
    const end = (outcome: RunEnd["outcome"], error = ""): RunEnd => ({
      outcome,
      error,
      finished: new Date(this.options.now()),
      duration: Math.round(performance.now() - started),
    });
    const action = await findAction(db(), run.accountId, run.actionId);
    // Removed since the run was queued: its runs went with it, nothing is left to record.
    if (!action) return;
    const step = steps[action.type];
    let result: StepResult;
    try {
      result = await transaction(async (tx) => {
        const outcome = (await maintenanceSkip(tx, action, run, now)) ?? (await step(tx, inputOf(action, run, now)));
        // A skip says why in the run's history; a success or delivery needs no words.
        await settleRun(tx, run.id, end(outcome.outcome, outcome.outcome === "skipped" ? (outcome.detail ?? "") : ""));
        return outcome;
      });
    } catch (error) {
      await settleRun(db(), run.id, end("failed", messageOf(error, run)));
      return;
    }
    if (!result.afterCommit) return;
    try {
      await result.afterCommit();
    } catch (error) {
      await failRun(db(), run.id, messageOf(error, run));
    }
  }
}

function inputOf(action: ActionRecord, run: RunRecord, now: Date): StepInput {
  return {
    action,
    run,
    deviceId: run.deviceId,
    context: {
      name: action.name,
      severity: action.severity,
      trigger: run.trigger,
      device: run.deviceId ?? "",
      ...run.context,
    },
    now,
  };
}
