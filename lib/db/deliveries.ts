import type { Queryable } from "./client";

// The outbox of webhooks and emails (decision 019). A step writes its delivery here in the
// transaction that records its run as delivering, so the delivery exists exactly when the run
// says so; the worker sends it, and settles the run when it is delivered or given up.
//
// A row is held by whoever moved its `due` last: a worker claims a due row by moving `due` from
// the value it read to the end of its lease, and every later write is conditional on that lease.
// Of several workers that read the same row, one moves it; the others' writes match no row.

export type DeliveryKind = "http" | "email";

export interface DeliveryRow {
  id: number;
  accountId: string;
  runId: string;
  kind: DeliveryKind;
  /** JSON text: http {url, body}; email {to, subject, text}. */
  payload: string;
  attempts: number;
  due: Date;
  /** The action's sealed secret, which signs a webhook. */
  secretSealed: string;
  /** When the run started (or was recorded), for its duration. */
  runStarted: Date;
}

export async function enqueueDelivery(
  q: Queryable,
  delivery: { accountId: string; runId: string; kind: DeliveryKind; payload: string; due: Date },
): Promise<void> {
  await q.delivery.create({ data: delivery });
}

/** Deliveries due at `now`, the longest waiting first. */
export async function findDueDeliveries(q: Queryable, now: Date, limit: number): Promise<DeliveryRow[]> {
  const rows = await q.delivery.findMany({
    where: { due: { lte: now } },
    orderBy: [{ due: "asc" }, { id: "asc" }],
    take: limit,
    include: { run: { select: { created: true, started: true, action: { select: { secret: true } } } } },
  });
  return rows.map(({ run, ...row }) => ({
    ...row,
    kind: row.kind as DeliveryKind,
    secretSealed: run.action.secret,
    runStarted: run.started ?? run.created,
  }));
}

/** Takes a row read as due at `read` until `until`; false when another worker took it first. */
export async function claimDelivery(q: Queryable, id: number, read: Date, until: Date): Promise<boolean> {
  const { count } = await q.delivery.updateMany({ where: { id, due: read }, data: { due: until } });
  return count === 1;
}

/** Another attempt at `due`, if the lease is still held. */
export async function postponeDelivery(
  q: Queryable,
  lease: { id: number; until: Date },
  next: { attempts: number; due: Date; lastError: string },
): Promise<void> {
  await q.delivery.updateMany({ where: { id: lease.id, due: lease.until }, data: next });
}

/**
 * The delivery is over: its row goes, and its run records the outcome. Nothing happens when the
 * lease was lost (another worker holds the row now) or the run was removed with its action.
 */
export async function settleDelivery(
  q: Queryable,
  lease: { id: number; until: Date },
  run: { id: string; outcome: "succeeded" | "failed"; error: string; finished: Date; duration: number },
): Promise<boolean> {
  const { count } = await q.delivery.deleteMany({ where: { id: lease.id, due: lease.until } });
  if (count === 0) return false;
  await q.actionRun.updateMany({
    where: { id: run.id, outcome: "delivering" },
    data: { outcome: run.outcome, error: run.error, finished: run.finished, duration: run.duration },
  });
  return true;
}
