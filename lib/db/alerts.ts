import { z } from "zod";
import { ALERT_STATES, alertContext, severityField, type AlertState, type Severity } from "../contracts/alert";
import type { PageRequest } from "../paging";
import { isUniqueViolation, type Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

// Alerts as the services read them (decision 017). `openSeq` holds the alert's seq while it is
// unresolved and is empty otherwise: the unique (accountId, openSeq) lets at most one unresolved
// alert per seq exist, so a repeat is counted on it by the database itself, however many raise it
// at once.

export interface AlertRecord {
  id: string;
  accountId: string;
  deviceId: string | null;
  name: string;
  subject: string;
  message: string;
  severity: Severity;
  seq: string;
  /** The seq while unresolved, else null. */
  openSeq: string | null;
  count: number;
  state: AlertState;
  context: Record<string, unknown>;
  actionId: string | null;
  silencedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  created: Date;
  updated: Date;
}

type AlertRow = NonNullable<Awaited<ReturnType<Queryable["alert"]["findFirst"]>>>;

function recordOf(row: AlertRow): AlertRecord {
  const { severity, state, context, ...rest } = row;
  return {
    ...rest,
    severity: severityField.parse(severity),
    state: z.enum(ALERT_STATES).parse(state),
    context: alertContext.parse(JSON.parse(context)),
  };
}

/** An alert as raised: the writer sets `created` and `updated` to the same moment. */
export interface NewAlert {
  id: string;
  accountId: string;
  deviceId: string | null;
  name: string;
  subject: string;
  message: string;
  severity: Severity;
  seq: string;
  context: Record<string, unknown>;
  actionId: string | null;
  silencedBy: string | null;
  at: Date;
}

/**
 * Inserts the alert, or, when its seq names an unresolved alert of the account, counts the repeat
 * there (message, context and silencing refreshed; acknowledgement kept). One upsert on the unique
 * (accountId, openSeq): both engines settle concurrent raises of one seq in the database, and no
 * statement fails, which on PostgreSQL would end the caller's transaction. An empty seq is never
 * a repeat.
 */
export async function insertOrCountAlert(
  q: Queryable,
  alert: NewAlert,
): Promise<{ record: AlertRecord; created: boolean }> {
  const { at, context, ...columns } = alert;
  const data = { ...columns, openSeq: alert.seq || null, context: JSON.stringify(context), created: at, updated: at };
  if (!data.openSeq) return { record: recordOf(await q.alert.create({ data })), created: true };
  const row = await q.alert.upsert({
    where: { accountId_openSeq: { accountId: alert.accountId, openSeq: data.openSeq } },
    create: data,
    update: {
      count: { increment: 1 },
      message: alert.message,
      context: data.context,
      silencedBy: alert.silencedBy,
      updated: at,
    },
  });
  return { record: recordOf(row), created: row.id === alert.id };
}

export async function findAlert(q: Queryable, accountId: string, id: string): Promise<AlertRecord | null> {
  const row = await q.alert.findFirst({ where: { id, accountId } });
  return row && recordOf(row);
}

/** The account's alerts among `ids` (another account's are simply not among them). */
export async function findAlerts(q: Queryable, accountId: string, ids: readonly string[]): Promise<AlertRecord[]> {
  return (await q.alert.findMany({ where: { accountId, id: { in: [...ids] } }, orderBy: { id: "asc" } })).map(recordOf);
}

/**
 * What acknowledging, resolving or reopening writes; `openSeq` follows `resolvedAt`. Not `updated`:
 * that is the alert's last raise, which the inbox sorts and filters by; decisions keep times of their own.
 */
export interface AlertChanges {
  state: AlertState;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/**
 * Writes the changes, scoped by account. Refused as `seq open` when reopening would make a second
 * unresolved alert of its seq (the unique index refused it): the caller must then end its
 * transaction, which on PostgreSQL the refused statement has aborted.
 */
export async function updateAlertRow(
  q: Queryable,
  alert: AlertRecord,
  changes: AlertChanges,
): Promise<{ record: AlertRecord } | { refused: "missing" | "seq open" }> {
  const openSeq = changes.resolvedAt || !alert.seq ? null : alert.seq;
  try {
    const { count } = await q.alert.updateMany({
      where: { id: alert.id, accountId: alert.accountId },
      data: { ...changes, openSeq },
    });
    if (count !== 1) return { refused: "missing" };
  } catch (error) {
    if (isUniqueViolation(error)) return { refused: "seq open" };
    throw error;
  }
  return { record: { ...alert, ...changes, openSeq } };
}

/** The unresolved alert of an account holding `seq`, if any. */
export async function findOpenAlert(q: Queryable, accountId: string, seq: string): Promise<AlertRecord | null> {
  const row = await q.alert.findUnique({ where: { accountId_openSeq: { accountId, openSeq: seq } } });
  return row && recordOf(row);
}

/** Resolves the unresolved alert holding `seq`; answers how many were resolved (0 or 1). */
export async function resolveOpenAlert(q: Queryable, accountId: string, seq: string, by: string, at: Date) {
  const { count } = await q.alert.updateMany({
    where: { accountId, openSeq: seq },
    data: { state: "resolved", resolvedAt: at, resolvedBy: by, openSeq: null },
  });
  return count;
}

export async function deleteAlertRow(q: Queryable, accountId: string, id: string): Promise<boolean> {
  return (await q.alert.deleteMany({ where: { id, accountId } })).count === 1;
}

export function findAlertsPage(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      async (args) => (await q.alert.findMany(args)).map(recordOf),
      (args) => q.alert.count(args),
    ),
  );
}

/**
 * The account's unresolved alerts counted by severity and by whether a window silenced them: one
 * grouped query on the (accountId, state, created) index, cheap enough for every open portal tab
 * to poll.
 */
export async function countUnresolvedAlerts(
  q: Queryable,
  accountId: string,
): Promise<Array<{ severity: string; silenced: boolean; count: number }>> {
  const groups = await q.alert.groupBy({
    by: ["severity", "silencedBy"],
    where: { accountId, state: { in: ["open", "acknowledged"] } },
    _count: { _all: true },
  });
  return groups.map((group) => ({
    severity: group.severity,
    silenced: group.silencedBy !== null,
    count: group._count._all,
  }));
}
