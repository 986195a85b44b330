import { z } from "zod";
import { dashboardRange, widgetSchema, type Widget } from "../contracts/dashboard";
import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

// A dashboard's range and widgets are kept as JSON text (one column type on both engines) and
// parsed with their contracts whenever a row is read, so what leaves here is always well formed.

export type DashboardRange = z.output<typeof dashboardRange>;

export interface DashboardRecord {
  id: string;
  accountId: string;
  name: string;
  range: DashboardRange;
  widgets: Widget[];
  created: Date;
  updated: Date;
}

interface DashboardRow extends Omit<DashboardRecord, "range" | "widgets"> {
  range: string;
  widgets: string;
}

const storedWidgets = z.array(widgetSchema);

function recordOf(row: DashboardRow): DashboardRecord {
  return {
    ...row,
    range: dashboardRange.parse(JSON.parse(row.range)),
    widgets: storedWidgets.parse(JSON.parse(row.widgets)),
  };
}

function columnsOf(data: { name?: string; range?: DashboardRange; widgets?: Widget[] }) {
  return {
    name: data.name,
    range: data.range === undefined ? undefined : JSON.stringify(data.range),
    widgets: data.widgets === undefined ? undefined : JSON.stringify(data.widgets),
  };
}

export async function findDashboard(q: Queryable, accountId: string, id: string) {
  const row = await q.dashboard.findFirst({ where: { id, accountId } });
  return row && recordOf(row);
}

export async function insertDashboard(
  q: Queryable,
  data: { id: string; accountId: string; name: string; range: DashboardRange; widgets: Widget[] },
) {
  const { id, accountId, name, range, widgets } = data;
  const row = await q.dashboard.create({
    data: { id, accountId, name, range: JSON.stringify(range), widgets: JSON.stringify(widgets) },
  });
  return recordOf(row);
}

export async function updateDashboardRow(
  q: Queryable,
  id: string,
  data: { name?: string; range?: DashboardRange; widgets?: Widget[] },
) {
  return recordOf(await q.dashboard.update({ where: { id }, data: columnsOf(data) }));
}

export function deleteDashboardRow(q: Queryable, id: string) {
  return q.dashboard.delete({ where: { id } });
}

export function findDashboardsPage(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      async (args) => (await q.dashboard.findMany(args)).map(recordOf),
      (args) => q.dashboard.count(args),
    ),
  );
}
