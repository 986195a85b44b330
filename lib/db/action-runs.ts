import type { RunOutcome, Trigger } from "../contracts/action";
import { isRoot, isUniqueViolation, type Queryable } from "./client";

// Runs of actions (decision 018). Inserting a run is the claim: the unique (action, triggerKey)
// lets exactly one of several workers that saw the same trigger record it, and only the one that
// recorded it runs it.

export interface RunRecord {
  id: string;
  accountId: string;
  actionId: string;
  trigger: Trigger;
  triggerKey: string;
  deviceId: string | null;
  context: Record<string, unknown>;
  outcome: RunOutcome;
  error: string;
  created: Date;
  started: Date | null;
  finished: Date | null;
  duration: number | null;
}

type RunRow = NonNullable<Awaited<ReturnType<Queryable["actionRun"]["findFirst"]>>>;

export const runRecordOf = (row: RunRow): RunRecord => ({
  id: row.id,
  accountId: row.accountId,
  actionId: row.actionId,
  trigger: row.trigger as Trigger,
  triggerKey: row.triggerKey,
  deviceId: row.deviceId,
  context: JSON.parse(row.context) as Record<string, unknown>,
  outcome: row.outcome as RunOutcome,
  error: row.error,
  created: row.created,
  started: row.started,
  finished: row.finished,
  duration: row.duration,
});

export interface NewRun {
  id: string;
  accountId: string;
  actionId: string;
  trigger: Trigger;
  triggerKey: string;
  deviceId: string | null;
  context: Record<string, unknown>;
  outcome?: RunOutcome;
  error?: string;
  created: Date;
}

/**
 * Records a run; null when another worker (or an earlier look) already claimed this trigger.
 * A statement of its own, never inside a transaction: on PostgreSQL a refused insert would end
 * the transaction it ran in.
 */
export async function claimRun(q: Queryable, run: NewRun): Promise<RunRecord | null> {
  if (!isRoot(q)) throw new Error("claimRun runs outside transactions");
  try {
    const row = await q.actionRun.create({ data: { ...run, context: JSON.stringify(run.context) } });
    return runRecordOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
