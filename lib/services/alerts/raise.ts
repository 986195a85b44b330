import { accountDeviceOrThrow } from "../devices";
import type { AlertView, Severity } from "../../contracts/alert";
import { insertOrCountAlert, resolveOpenAlert } from "../../db/alerts";
import type { Queryable } from "../../db/client";
import { findActiveMaintenance } from "../../db/maintenance";
import { newId } from "../../ids";
import { alertView } from "./view";

// Raising and resolving alerts inside a caller's transaction: the alert verbs, the action engine's
// steps and the system call these (decision 017).

export interface RaiseInput {
  accountId: string;
  /** A device of the account, or none for the fleet. */
  deviceId?: string | null;
  name: string;
  subject?: string;
  message?: string;
  severity: Severity;
  /** A repeat of an unresolved alert's seq counts there; empty: every raise is new. */
  seq?: string;
  context?: Record<string, unknown>;
  actionId?: string | null;
  /** Who raised it (a person's label, an action): kept in the context as `raisedBy`. */
  by: string;
}

export interface Raised {
  alert: AlertView;
  /** false: a repeat, counted on the unresolved alert of its seq. */
  created: boolean;
  /** It fell in a maintenance window: recorded, and nothing is to be told of it. */
  silenced: boolean;
}

export async function raiseAlert(tx: Queryable, input: RaiseInput): Promise<Raised> {
  const at = new Date();
  const device = input.deviceId ? await accountDeviceOrThrow(tx, input.accountId, input.deviceId) : null;
  const window = await findActiveMaintenance(tx, input.accountId, at, device);
  const { record, created } = await insertOrCountAlert(tx, {
    id: newId(at.getTime()),
    accountId: input.accountId,
    deviceId: device?.id ?? null,
    name: input.name,
    subject: input.subject ?? "",
    message: input.message ?? "",
    severity: input.severity,
    seq: input.seq ?? "",
    context: { ...input.context, raisedBy: input.by },
    actionId: input.actionId ?? null,
    silencedBy: window?.id ?? null,
    at,
  });
  return { alert: alertView(record), created, silenced: window !== null };
}

/** Resolves the account's unresolved alert holding `seq` (a cleared condition); answers how many: 0 or 1. */
export function resolveAlerts(tx: Queryable, input: { accountId: string; seq: string; by: string }): Promise<number> {
  if (!input.seq) return Promise.resolve(0);
  return resolveOpenAlert(tx, input.accountId, input.seq, input.by, new Date());
}
