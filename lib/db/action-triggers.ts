import type { Severity } from "../contracts/alert";
import { actionRecordOf, type ActionRecord } from "./actions";
import type { Queryable } from "./client";

// What the action engine reads to find its triggers (decision 018): whether actions changed, the
// actions it watches, offline devices, schedules that are due and new alerts. Each is one query
// per poll, whatever the number of points ingested.

/** Changes whenever an action is created, changed or removed: polled every second, cheap. */
export async function actionsVersion(q: Queryable): Promise<string> {
  const { _count, _max } = await q.action.aggregate({ _count: { _all: true }, _max: { updated: true } });
  return `${_count._all}:${_max.updated?.getTime() ?? 0}`;
}

/** Every enabled action whose trigger the engine watches in memory. */
export async function watchedActions(q: Queryable): Promise<ActionRecord[]> {
  const rows = await q.action.findMany({
    where: { enable: true, trigger: { in: ["metric", "device", "alert"] } },
    orderBy: { id: "asc" },
  });
  return rows.map(actionRecordOf);
}

export interface OfflineDevice {
  id: string;
  /** Its last contact (the disconnect), or its claim when it never made one. */
  since: Date | null;
}

/** The account's devices (or the one named) that are not connected. */
export async function findOfflineDevices(
  q: Queryable,
  accountId: string,
  deviceId: string | null,
): Promise<OfflineDevice[]> {
  const rows = await q.device.findMany({
    where: { accountId, connection: "offline", ...(deviceId ? { id: deviceId } : {}) },
    select: { id: true, accessed: true, created: true },
  });
  return rows.map((row) => ({ id: row.id, since: row.accessed ?? row.created }));
}

/** Enabled schedules whose next run is due, or was never set. */
export async function findDueSchedules(q: Queryable, now: Date, limit: number): Promise<ActionRecord[]> {
  const rows = await q.action.findMany({
    where: { enable: true, trigger: "schedule", OR: [{ nextRun: null }, { nextRun: { lte: now } }] },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map(actionRecordOf);
}

/**
 * Moves a schedule on from the occurrence this worker saw; false when another worker already did,
 * or someone edited the action since it was read (their save set its next run). `updated` is
 * written as it was: moving a schedule is not an edit, and the form and the engine's reload both
 * take a new `updated` for one.
 */
export async function advanceSchedule(
  q: Queryable,
  action: Pick<ActionRecord, "id" | "nextRun" | "updated">,
  to: Date,
): Promise<boolean> {
  const { count } = await q.action.updateMany({
    where: { id: action.id, nextRun: action.nextRun, updated: action.updated },
    data: { nextRun: to, updated: action.updated },
  });
  return count === 1;
}

export interface NewAlert {
  id: string;
  accountId: string;
  deviceId: string | null;
  name: string;
  message: string;
  severity: Severity;
  actionId: string | null;
  created: Date;
}

/** Where a look at new alerts stopped: they are read in (created, id) order. */
export interface AlertCursor {
  created: Date;
  id: string;
}

/** Unsilenced alerts of these accounts after `after` in (created, id) order, oldest first. */
export async function findNewAlerts(
  q: Queryable,
  accountIds: readonly string[],
  after: AlertCursor,
  limit: number,
): Promise<NewAlert[]> {
  if (!accountIds.length) return [];
  const rows = await q.alert.findMany({
    where: {
      accountId: { in: [...accountIds] },
      silencedBy: null,
      OR: [{ created: { gt: after.created } }, { created: after.created, id: { gt: after.id } }],
    },
    select: {
      id: true,
      accountId: true,
      deviceId: true,
      name: true,
      message: true,
      severity: true,
      actionId: true,
      created: true,
    },
    orderBy: [{ created: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ ...row, severity: row.severity as Severity }));
}
