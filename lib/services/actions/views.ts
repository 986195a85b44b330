import type { LastRun } from "../../db/action-history";
import type { RunRecord } from "../../db/action-runs";
import type { ActionRecord } from "../../db/actions";
import { iso } from "../views";

// Actions and runs as the API shows them. The output schemas keep only the fields they name, so
// neither the account nor the sealed secret ever leaves.

export const actionView = (record: ActionRecord, lastRun: LastRun | null) => ({
  ...record,
  nextRun: iso(record.nextRun),
  lastRun: lastRun && { ...lastRun, created: lastRun.created.toISOString() },
  created: record.created.toISOString(),
  updated: record.updated.toISOString(),
});

export const runView = (run: RunRecord) => ({
  ...run,
  created: run.created.toISOString(),
  started: iso(run.started),
  finished: iso(run.finished),
});
