import { dashboardRange, findDashboards as findDashboardsContract, type Widget } from "../contracts/dashboard";
import { recordAudit } from "../db/audit";
import { db, transaction, type Queryable } from "../db/client";
import {
  deleteDashboardRow,
  findDashboard,
  findDashboardsPage,
  insertDashboard,
  updateDashboardRow,
  type DashboardRange,
  type DashboardRecord,
} from "../db/dashboards";
import { filterWhere, textWhere } from "../db/list";
import { all, equal } from "../db/where";
import { notFound, fieldsError, type FieldError } from "../errors";
import { newId } from "../ids";
import { isKnownTimeZone } from "../time";
import { auditEntry, type CallContext } from "./context";
import { FLEET_DASHBOARD_NAME, FLEET_RANGE, FLEET_WIDGETS } from "./fleet-dashboard";

// Dashboards belong to an account: every read and write is scoped by the account the call acts
// in, so another account's dashboard is as absent as one that never existed.

const NOT_FOUND = "Cannot find dashboard";

interface Layout {
  range?: DashboardRange;
  widgets?: Widget[];
}

/** The checks the contract leaves to the server (its document marks these fields). */
function checkLayout({ range, widgets }: Layout) {
  const fields: FieldError[] = [];
  if (range && range.timezone !== "local" && !isKnownTimeZone(range.timezone))
    fields.push({ name: "range", message: `Not a time zone: ${range.timezone} (local, UTC or an IANA name)` });
  if (widgets && new Set(widgets.map((w) => w.id)).size !== widgets.length)
    fields.push({ name: "widgets", message: "Widget IDs must be unique" });
  if (fields.length) throw fieldsError("request body", fields);
}

function dashboardView(record: DashboardRecord) {
  const { id, name, range, widgets, created, updated } = record;
  return { id, name, range, widgets, created: created.toISOString(), updated: updated.toISOString() };
}

async function dashboardOrThrow(q: Queryable, ctx: CallContext, id: string) {
  const record = await findDashboard(q, ctx.accountId, id);
  if (!record) throw notFound(NOT_FOUND);
  return record;
}

/** The dashboard a new account starts with, made in the transaction that creates the account. */
export function createFleetDashboard(q: Queryable, accountId: string) {
  return insertDashboard(q, {
    id: newId(),
    accountId,
    name: FLEET_DASHBOARD_NAME,
    range: FLEET_RANGE,
    widgets: FLEET_WIDGETS,
  });
}

export async function findDashboards(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findDashboardsContract.filters),
    textWhere(ctx.page?.text, findDashboardsContract.textFields),
  );
  const page = await findDashboardsPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(dashboardView) };
}

export const getDashboard = async (ctx: CallContext, input: { id: string }) =>
  dashboardView(await dashboardOrThrow(db(), ctx, input.id));

export function createDashboard(ctx: CallContext, input: Layout & { name: string }) {
  checkLayout(input);
  return transaction(async (tx) => {
    const record = await insertDashboard(tx, {
      id: newId(),
      accountId: ctx.accountId,
      name: input.name,
      range: input.range ?? dashboardRange.parse({}),
      widgets: input.widgets ?? [],
    });
    await recordAudit(tx, auditEntry(ctx, "dashboard.create", `${record.id} ${record.name}`));
    return dashboardView(record);
  });
}

export function updateDashboard(ctx: CallContext, input: Layout & { id: string; name?: string }) {
  checkLayout(input);
  return transaction(async (tx) => {
    const { id } = await dashboardOrThrow(tx, ctx, input.id);
    const record = await updateDashboardRow(tx, id, { name: input.name, range: input.range, widgets: input.widgets });
    await recordAudit(tx, auditEntry(ctx, "dashboard.update", `${record.id} ${record.name}`));
    return dashboardView(record);
  });
}

export function removeDashboard(ctx: CallContext, input: { id: string }) {
  return transaction(async (tx) => {
    const record = await dashboardOrThrow(tx, ctx, input.id);
    await deleteDashboardRow(tx, record.id);
    await recordAudit(tx, auditEntry(ctx, "dashboard.remove", `${record.id} ${record.name}`));
    return { id: record.id, removed: true as const };
  });
}
