import { actionRuns as actionRunsContract } from "../../contracts/action";
import { findRunsPage } from "../../db/action-history";
import { db } from "../../db/client";
import { filterWhere, textWhere } from "../../db/list";
import { all, equal } from "../../db/where";
import type { CallContext } from "../context";
import { actionOrThrow } from "./manage";
import { runView } from "./views";

// action/runs — an action's history: trigger, outcome, duration and error of each run, newest first
export async function actionRuns(ctx: CallContext, input: Record<string, unknown>) {
  // The contract requires the action's ID beside the filters.
  const action = await actionOrThrow(db(), ctx.accountId, input.id as string);
  const where = all(
    equal({ accountId: ctx.accountId, actionId: action.id }),
    filterWhere(input, actionRunsContract.filters),
    textWhere(ctx.page?.text, actionRunsContract.textFields),
  );
  const page = await findRunsPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(runView) };
}
