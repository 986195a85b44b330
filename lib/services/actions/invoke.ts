import { accountDeviceOrThrow } from "../devices";
import { claimRun } from "../../db/action-runs";
import { findActionByName } from "../../db/actions";
import { recordAudit } from "../../db/audit";
import { db } from "../../db/client";
import { conflict, notFound } from "../../errors";
import { newId } from "../../ids";
import { auditEntry, type CallContext } from "../context";
import { runView } from "./views";

// action/invoke: a person or a script runs an action now. The run is queued like any trigger's,
// and the engine's executor runs it (decision 018); the answer is the queued run, whose outcome
// action/runs reports later.

/** A context may name the device the run concerns (`deviceId`, as typed from its label): one of the account's. */
export async function contextDevice(accountId: string, context: Record<string, unknown>): Promise<string | null> {
  if (typeof context.deviceId !== "string") return null;
  return (await accountDeviceOrThrow(db(), accountId, context.deviceId)).id;
}

export async function invokeAction(ctx: CallContext, input: { name: string; context: Record<string, unknown> }) {
  const action = await findActionByName(db(), ctx.accountId, input.name);
  if (!action) throw notFound("Cannot find action");
  if (!action.enable) throw conflict(`Action ${JSON.stringify(action.name)} is disabled: enable it to run it`);
  const deviceId = await contextDevice(ctx.accountId, input.context);
  // Every invocation is a trigger of its own, so its key is new and the claim always succeeds.
  const run = await claimRun(db(), {
    id: newId(),
    accountId: ctx.accountId,
    actionId: action.id,
    trigger: "manual",
    triggerKey: `manual:${newId()}`,
    deviceId,
    context: input.context,
    created: new Date(),
  });
  if (!run) throw new Error("A new manual trigger key was claimed twice");
  // The claim is a statement of its own (never inside a transaction), so the audit entry follows it.
  await recordAudit(db(), auditEntry(ctx, "action.invoke", `${action.id} ${action.name} run ${run.id}`));
  return runView(run);
}
