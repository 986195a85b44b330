import type { Transaction } from "../../db/client";
import type { ActionRecord } from "../../db/actions";
import type { RunRecord } from "../../db/action-runs";

// What every step of an action is (decision 018): given the action and its run, it does its work
// inside the transaction that records the run's outcome, so a step's effect (an alert, a command,
// a queued webhook) exists exactly when the run says it succeeded or is being delivered.

export interface StepInput {
  action: ActionRecord;
  run: RunRecord;
  /** The device the trigger concerns (a metric's Device, an offline device, an alert's device). */
  deviceId: string | null;
  /** What the message template may use: value, device, metric, name, severity, the caller's context. */
  context: Readonly<Record<string, unknown>>;
  now: Date;
}

export interface StepResult {
  /** delivering: a webhook or email queued, its delivery settles the run later. */
  outcome: "succeeded" | "delivering" | "skipped";
  /** Why it was skipped, or what it did, for the run history. */
  detail?: string;
  /**
   * Work that cannot join the run's transaction (a metric point goes through ingest's own writer),
   * done once the run is recorded; its failure fails the run.
   */
  afterCommit?: () => Promise<void>;
}

export type Step = (tx: Transaction, input: StepInput) => Promise<StepResult>;
