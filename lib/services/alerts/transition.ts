import type { AlertState } from "../../contracts/alert";
import type { AuditAction } from "../../contracts/audit";
import type { AlertChanges, AlertRecord } from "../../db/alerts";

// What a person's decision on an alert changes. Acknowledging and resolving are recorded with
// who and when; false takes either back (a reopen). Deciding what already holds changes nothing,
// so the first acknowledgement or resolution keeps its author.

export interface Decision {
  acknowledged?: boolean;
  resolved?: boolean;
}

const stateOf = (acknowledgedAt: Date | null, resolvedAt: Date | null): AlertState =>
  resolvedAt ? "resolved" : acknowledgedAt ? "acknowledged" : "open";

/** The changes and their audit actions; null when the decision changes nothing. */
export function transition(
  alert: AlertRecord,
  decision: Decision,
  by: string,
  now: Date,
): { changes: AlertChanges; audit: AuditAction[] } | null {
  let { acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy } = alert;
  const audit = new Set<AuditAction>();
  if (decision.acknowledged === true && !acknowledgedAt) {
    [acknowledgedAt, acknowledgedBy] = [now, by];
    audit.add("alert.acknowledge");
  } else if (decision.acknowledged === false && acknowledgedAt) {
    [acknowledgedAt, acknowledgedBy] = [null, null];
    audit.add("alert.reopen");
  }
  if (decision.resolved === true && !resolvedAt) {
    [resolvedAt, resolvedBy] = [now, by];
    audit.add("alert.resolve");
  } else if (decision.resolved === false && resolvedAt) {
    [resolvedAt, resolvedBy] = [null, null];
    audit.add("alert.reopen");
  }
  if (!audit.size) return null;
  const state = stateOf(acknowledgedAt, resolvedAt);
  return {
    changes: { state, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy },
    audit: [...audit],
  };
}
