import type { AlertView } from "../../contracts/alert";
import type { AlertRecord } from "../../db/alerts";
import { iso } from "../views";

export function alertView(record: AlertRecord): AlertView {
  const { id, deviceId, name, subject, message, severity, seq, count, state, context, actionId } = record;
  return {
    id,
    deviceId,
    name,
    subject,
    message,
    severity,
    seq,
    count,
    state,
    resolved: record.resolvedAt !== null,
    resolvedAt: iso(record.resolvedAt),
    resolvedBy: record.resolvedBy,
    acknowledged: record.acknowledgedAt !== null,
    acknowledgedAt: iso(record.acknowledgedAt),
    acknowledgedBy: record.acknowledgedBy,
    silenced: record.silencedBy !== null,
    silencedBy: record.silencedBy,
    actionId,
    context,
    created: record.created.toISOString(),
    updated: record.updated.toISOString(),
  };
}
