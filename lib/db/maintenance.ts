import { z } from "zod";
import { MAINTENANCE_SCOPES } from "../contracts/maintenance";
import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

// Maintenance windows (decision 017): while one is active, alerts of its device, product or
// account are recorded and marked silenced.

export type MaintenanceScope = (typeof MAINTENANCE_SCOPES)[number];

export interface MaintenanceRecord {
  id: string;
  accountId: string;
  scope: MaintenanceScope;
  targetId: string;
  starts: Date;
  until: Date;
  reason: string;
  createdBy: string;
  created: Date;
}

type MaintenanceRow = NonNullable<Awaited<ReturnType<Queryable["maintenanceWindow"]["findFirst"]>>>;

const recordOf = (row: MaintenanceRow): MaintenanceRecord => ({
  ...row,
  scope: z.enum(MAINTENANCE_SCOPES).parse(row.scope),
});

export async function insertMaintenance(q: Queryable, data: Omit<MaintenanceRecord, "created">) {
  return recordOf(await q.maintenanceWindow.create({ data }));
}

export async function findMaintenance(q: Queryable, accountId: string, id: string): Promise<MaintenanceRecord | null> {
  const row = await q.maintenanceWindow.findFirst({ where: { id, accountId } });
  return row && recordOf(row);
}

export async function deleteMaintenanceRow(q: Queryable, accountId: string, id: string): Promise<boolean> {
  return (await q.maintenanceWindow.deleteMany({ where: { id, accountId } })).count === 1;
}

export function findMaintenancePage(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      async (args) => (await q.maintenanceWindow.findMany(args)).map(recordOf),
      (args) => q.maintenanceWindow.count(args),
    ),
  );
}

/**
 * The window of the account active at `at` that covers the whole account, the device or the
 * device's product; of several, the one lasting longest. Reads by the (accountId, until) index.
 */
export async function findActiveMaintenance(
  q: Queryable,
  accountId: string,
  at: Date,
  device: { id: string; productId: string } | null,
): Promise<MaintenanceRecord | null> {
  const targets: Array<{ scope: MaintenanceScope; targetId?: string }> = [{ scope: "account" }];
  if (device) targets.push({ scope: "device", targetId: device.id }, { scope: "product", targetId: device.productId });
  const row = await q.maintenanceWindow.findFirst({
    where: { accountId, until: { gt: at }, starts: { lte: at }, OR: targets },
    orderBy: [{ until: "desc" }, { id: "asc" }],
  });
  return row && recordOf(row);
}

/** Whether any device of the account is of the product: a product the account may name. */
export async function accountUsesProduct(q: Queryable, accountId: string, productId: string): Promise<boolean> {
  return (await q.device.findFirst({ where: { accountId, productId }, select: { id: true } })) !== null;
}

/** Whether the product exists at all (the owner may name any). */
export async function productExists(q: Queryable, productId: string): Promise<boolean> {
  return (await q.product.findUnique({ where: { id: productId }, select: { id: true } })) !== null;
}
