import { findActionByName } from "../../db/actions";
import type { Queryable } from "../../db/client";
import { validationError } from "../../errors";
import { resolveAlerts } from "../../services/alerts";
import { renderTemplate } from "../template";
import { actionActor, alertSeq } from "./alert";
import type { Step, StepInput } from "./types";

// The resolve step: resolves the open alert of a seq, given as args.seq (a template), or as the
// alert another action (args.action, by name) raised for this run's subject.

async function seqOf(tx: Queryable, { action, context }: StepInput): Promise<string> {
  const { seq, action: raiser } = action.args;
  if (typeof seq === "string" && seq.trim()) return renderTemplate(seq.trim(), context);
  if (typeof raiser === "string" && raiser.trim()) {
    const other = await findActionByName(tx, action.accountId, raiser.trim());
    if (!other)
      throw validationError(`No action named ${raiser.trim()}`, [{ name: "args.action", message: "Not an action" }]);
    return alertSeq(other, context);
  }
  throw validationError("Name the alert to resolve: args.seq, or args.action (the action that raised it)", [
    { name: "args.seq", message: "Required unless args.action is given" },
  ]);
}

export const resolveStep: Step = async (tx, input) => {
  const seq = await seqOf(tx, input);
  const resolved = await resolveAlerts(tx, { accountId: input.action.accountId, seq, by: actionActor(input.action) });
  return { outcome: "succeeded", detail: resolved ? `Resolved the alert of ${seq}` : `No open alert of ${seq}` };
};
