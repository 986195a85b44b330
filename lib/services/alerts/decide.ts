import type { Severity } from "../../contracts/alert";
import { deleteAlertRow, findAlerts, findOpenAlert, updateAlertRow, type AlertRecord } from "../../db/alerts";
import { recordAudit } from "../../db/audit";
import { transaction, type Queryable } from "../../db/client";
import { conflict, notFound, validationError } from "../../errors";
import { actorOf, auditEntry, type CallContext } from "../context";
import { raiseAlert } from "./raise";
import { ALERT_NOT_FOUND, alertOrThrow } from "./read";
import { transition, type Decision } from "./transition";
import { alertView } from "./view";

// What people do with alerts: raise one by hand, acknowledge, resolve or reopen, remove. Every
// change is audited in the transaction that makes it.

const target = (alert: AlertRecord) => `${alert.id} ${alert.name}`;

function requireDecision(decision: Decision) {
  if (decision.acknowledged === undefined && decision.resolved === undefined) {
    const message = "Give acknowledged or resolved";
    throw validationError(`Invalid request body: ${message}`, [
      { name: "acknowledged", message },
      { name: "resolved", message },
    ]);
  }
}

/** Two unresolved alerts of one seq would split its history: the newer one carries it on. */
const seqOpen = (alert: AlertRecord, newer?: string) =>
  conflict(
    `Alert ${alert.id} cannot be reopened: its seq "${alert.seq}" is open again` +
      `${newer ? ` as alert ${newer}` : ""}; acknowledge or resolve that one instead`,
  );

/** Applies a decision to one alert of the account, with its audit entries; answers the alert as it is now. */
async function decide(tx: Queryable, ctx: CallContext, alert: AlertRecord, decision: Decision, now: Date) {
  const change = transition(alert, decision, actorOf(ctx).label, now);
  if (!change) return { record: alert, changed: false };
  if (alert.resolvedAt && !change.changes.resolvedAt && alert.seq) {
    const newer = await findOpenAlert(tx, ctx.accountId, alert.seq);
    if (newer) throw seqOpen(alert, newer.id);
  }
  const written = await updateAlertRow(tx, alert, change.changes);
  // A raise of the same seq that committed after the look above: the index refused the reopen.
  if ("refused" in written) throw written.refused === "seq open" ? seqOpen(alert) : notFound(ALERT_NOT_FOUND);
  for (const action of change.audit) await recordAudit(tx, auditEntry(ctx, action, target(alert)));
  return { record: written.record, changed: true };
}

// alert/create — by an admin; a repeat of an unresolved alert's seq counts there.
export function createAlert(
  ctx: CallContext,
  input: {
    name: string;
    deviceId?: string;
    subject: string;
    message: string;
    severity: Severity;
    seq: string;
    context?: Record<string, unknown>;
  },
) {
  return transaction(async (tx) => {
    const { alert } = await raiseAlert(tx, { ...input, accountId: ctx.accountId, by: actorOf(ctx).label });
    await recordAudit(tx, auditEntry(ctx, "alert.create", `${alert.id} ${alert.name}`));
    return alert;
  });
}

// alert/update — acknowledge, resolve, or take either back
export function updateAlert(ctx: CallContext, input: Decision & { id: string }) {
  requireDecision(input);
  return transaction(async (tx) => {
    const alert = await alertOrThrow(tx, ctx, input.id);
    return alertView((await decide(tx, ctx, alert, input, new Date())).record);
  });
}

// alert/updateMany — all or nothing: one unknown (or another account's) ID and nothing changes.
export function updateAlerts(ctx: CallContext, input: Decision & { ids: string[] }) {
  requireDecision(input);
  const ids = [...new Set(input.ids)];
  return transaction(async (tx) => {
    const alerts = await findAlerts(tx, ctx.accountId, ids);
    if (alerts.length !== ids.length) {
      const found = new Set(alerts.map((alert) => alert.id));
      throw notFound(`${ALERT_NOT_FOUND}: ${ids.filter((id) => !found.has(id)).join(", ")}`);
    }
    const now = new Date();
    const changed: string[] = [];
    for (const alert of alerts) if ((await decide(tx, ctx, alert, input, now)).changed) changed.push(alert.id);
    return { updated: changed.length, ids: changed };
  });
}

// alert/remove (admin)
export function removeAlert(ctx: CallContext, input: { id: string }) {
  return transaction(async (tx) => {
    const alert = await alertOrThrow(tx, ctx, input.id);
    if (!(await deleteAlertRow(tx, ctx.accountId, alert.id))) throw notFound(ALERT_NOT_FOUND);
    await recordAudit(tx, auditEntry(ctx, "alert.remove", target(alert)));
    return { id: alert.id, removed: true as const };
  });
}
