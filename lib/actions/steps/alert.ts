import type { ActionRecord } from "../../db/actions";
import { findAccountDevice } from "../../db/devices";
import { raiseAlert } from "../../services/alerts";
import { renderTemplate } from "../template";
import type { Step } from "./types";

// The alert step: raises the action's alert, de-duplicated by its seq, so a repeat counts on the
// open alert instead of adding one. The seq is `action:<action ID>:<subject>` (the series key, the
// device ID, or "") unless args.seq (a template) says otherwise, so the engine resolves exactly
// this alert when the subject's episode clears (decision 018).

/** Who an action's changes to alerts are by, as the alert records it. */
export const actionActor = (action: ActionRecord) => `action ${action.name}`;

/** The seq of the alert an action raises for a subject. */
export function alertSeq(action: ActionRecord, context: Readonly<Record<string, unknown>>): string {
  const { seq } = action.args;
  if (typeof seq === "string" && seq.trim()) return renderTemplate(seq.trim(), context);
  const subject = context.subject;
  return `action:${action.id}:${typeof subject === "string" ? subject : ""}`;
}

/** What the alert is about, for people: the metric and its dimensions, or the device. */
function subjectOf(context: Readonly<Record<string, unknown>>): string {
  const { metric, dimensions, device } = context;
  if (typeof metric === "string" && metric) {
    const set = dimensions && typeof dimensions === "object" ? Object.entries(dimensions) : [];
    return set.length ? `${metric} (${set.map(([name, value]) => `${name}=${String(value)}`).join(", ")})` : metric;
  }
  return typeof device === "string" ? device : "";
}

export const alertStep: Step = async (tx, { action, run, deviceId, context }) => {
  // A series may name a Device that is not one of the account's devices: the alert is the fleet's then.
  const device = deviceId ? await findAccountDevice(tx, action.accountId, deviceId) : null;
  const raised = await raiseAlert(tx, {
    accountId: action.accountId,
    deviceId: device?.id ?? null,
    name: action.name,
    subject: subjectOf(context),
    message: renderTemplate(action.message, context),
    severity: action.severity,
    seq: alertSeq(action, context),
    context: { ...run.context, runId: run.id },
    actionId: action.id,
    by: actionActor(action),
  });
  const what = raised.created ? "raised" : `counted again (${raised.alert.count})`;
  return { outcome: "succeeded", detail: `Alert ${raised.alert.id} ${what}${raised.silenced ? ", silenced" : ""}` };
};
