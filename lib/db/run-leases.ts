import type { RunOutcome } from "../contracts/action";
import { runRecordOf, type RunRecord } from "./action-runs";
import type { Queryable } from "./client";

// Taking and settling runs (decision 018). A queued run is taken by one conditional update that
// also sets a lease; whoever's update changed the row runs it. A worker that dies holding a run
// leaves it to another once the lease ends: steps commit with the run's outcome, so a run taken
// again had done nothing.

/** Runs waiting to be taken: queued, or left running by a worker whose lease ended. */
const takable = (now: Date) => ({ OR: [{ outcome: "queued" }, { outcome: "running", lease: { lt: now } }] });

/** IDs of runs another worker (or the API) queued, oldest first. */
export async function findTakableRuns(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const rows = await q.actionRun.findMany({
    where: takable(now),
    select: { id: true },
    orderBy: { created: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}

/** Takes the run until `lease`; null when another worker has it. */
export async function takeRun(q: Queryable, id: string, now: Date, lease: Date): Promise<RunRecord | null> {
  const { count } = await q.actionRun.updateMany({
    where: { id, ...takable(now) },
    data: { outcome: "running", started: now, lease },
  });
  if (count !== 1) return null;
  const row = await q.actionRun.findUnique({ where: { id } });
  return row && runRecordOf(row);
}

export interface RunEnd {
  outcome: Exclude<RunOutcome, "queued" | "running">;
  error: string;
  finished: Date;
  duration: number;
}

/** Records how a taken run ended and releases it. */
export async function settleRun(q: Queryable, id: string, end: RunEnd): Promise<void> {
  await q.actionRun.updateMany({ where: { id, outcome: "running" }, data: { ...end, lease: null } });
}

/** A run whose work failed after it was recorded (work done after the commit). */
export async function failRun(q: Queryable, id: string, error: string): Promise<void> {
  await q.actionRun.update({ where: { id }, data: { outcome: "failed", error } });
}
