import { SEVERITIES, findAlerts as findAlertsContract, type Severity } from "../../contracts/alert";
import { countUnresolvedAlerts, findAlert, findAlertsPage } from "../../db/alerts";
import { db, type Queryable } from "../../db/client";
import { filterWhere, textWhere } from "../../db/list";
import { all, equal } from "../../db/where";
import { notFound } from "../../errors";
import type { CallContext } from "../context";
import { alertView } from "./view";

export const ALERT_NOT_FOUND = "Cannot find alert";

export async function alertOrThrow(q: Queryable, ctx: CallContext, id: string) {
  const record = await findAlert(q, ctx.accountId, id);
  if (!record) throw notFound(ALERT_NOT_FOUND);
  return record;
}

// alert/find — newest first unless asked otherwise
export async function findAlerts(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findAlertsContract.filters),
    textWhere(ctx.page?.text, findAlertsContract.textFields),
  );
  const page = await findAlertsPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(alertView) };
}

export const getAlert = async (ctx: CallContext, input: { id: string }) =>
  alertView(await alertOrThrow(db(), ctx, input.id));

// alert/summary — polled by every open portal tab for the navigation's badge: one grouped query.
export async function alertSummary(ctx: CallContext) {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let silenced = 0;
  for (const group of await countUnresolvedAlerts(db(), ctx.accountId)) {
    if (group.silenced) silenced += group.count;
    else bySeverity[group.severity as Severity] += group.count;
  }
  const open = SEVERITIES.reduce((sum, severity) => sum + bySeverity[severity], 0);
  return { open, bySeverity, silenced };
}
