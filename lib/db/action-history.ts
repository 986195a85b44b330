import type { RunOutcome } from "../contracts/action";
import type { PageRequest } from "../paging";
import { runRecordOf } from "./action-runs";
import type { Queryable } from "./client";
import { Prisma } from "./generated/sqlite/client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

// What the action pages read of runs: a page of one action's runs, and the newest run of each
// action on a page of actions.

export interface LastRun {
  id: string;
  outcome: RunOutcome;
  error: string;
  created: Date;
}

interface LastRunRow {
  id: string;
  actionId: string;
  outcome: string;
  error: string;
  /** A Date on PostgreSQL, ISO text on SQLite. */
  created: Date | string;
}

/**
 * The newest run of each action, by action ID: one statement for a whole page. Each inner select
 * is one backward step on the (actionId, created, id) index, whatever the length of the history.
 */
export async function lastRunsOf(q: Queryable, actionIds: readonly string[]): Promise<Map<string, LastRun>> {
  if (actionIds.length === 0) return new Map();
  const rows = await q.$queryRaw<LastRunRow[]>`
    SELECT r."id", r."actionId", r."outcome", r."error", r."created" FROM "ActionRun" r
    WHERE r."id" IN (
      SELECT (SELECT x."id" FROM "ActionRun" x WHERE x."actionId" = a."id"
              ORDER BY x."created" DESC, x."id" DESC LIMIT 1)
      FROM "Action" a WHERE a."id" IN (${Prisma.join(actionIds)}))`;
  return new Map(
    rows.map((row) => [
      row.actionId,
      { id: row.id, outcome: row.outcome as RunOutcome, error: row.error, created: new Date(row.created) },
    ]),
  );
}

export function findRunsPage(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      async (args) => (await q.actionRun.findMany(args)).map(runRecordOf),
      (args) => q.actionRun.count(args),
    ),
  );
}
