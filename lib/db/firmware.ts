import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import { all, type Where } from "./where";

// Firmware releases of a product, and the update reports devices send (decision 016).

export const insertRelease = (
  q: Queryable,
  data: { id: string; productId: string; version: string; checksum: string; size: number; filename: string },
) => q.firmwareRelease.create({ data });

export const findRelease = (q: Queryable, productId: string, version: string) =>
  q.firmwareRelease.findUnique({ where: { productId_version: { productId, version } } });

/** A release of a product of the account. */
export const findAccountRelease = (q: Queryable, accountId: string, id: string) =>
  q.firmwareRelease.findFirst({ where: { id, product: { accountId } } });

/** Serialises the releases of one product (row lock on PostgreSQL, write lock on SQLite). */
export const lockProduct = async (q: Queryable, id: string): Promise<boolean> =>
  (await q.product.updateMany({ where: { id }, data: { updated: new Date() } })).count > 0;

/** Whether a product still exists (a signed upload URL names it; it may have been removed since). */
export const productExists = async (q: Queryable, id: string): Promise<boolean> =>
  (await q.product.count({ where: { id } })) > 0;

/** Every version a product has released, to pick the newest a device lacks. */
export const releaseVersions = (q: Queryable, productId: string) =>
  q.firmwareRelease.findMany({
    where: { productId },
    select: { id: true, version: true, checksum: true, size: true, filename: true },
  });

export const deleteRelease = (q: Queryable, id: string) => q.firmwareRelease.deleteMany({ where: { id } });

/** Releases of the products named (a product's, or every product of an account). */
export function findReleasesPage(q: Queryable, productIds: readonly string[], filters: Where, page: PageRequest) {
  return listPage(
    page,
    all({ field: "productId", op: "in", value: productIds }, filters),
    prismaList(
      (args) => q.firmwareRelease.findMany(args),
      (args) => q.firmwareRelease.count(args),
    ),
  );
}

export const insertUpdateReport = (
  q: Queryable,
  data: { id: string; accountId: string; deviceId: string; version: string; success: boolean },
) => q.updateReport.create({ data });

/** The newest report of each of `deviceIds` in the account: its newest instant per device, then those rows. */
export async function latestReports(q: Queryable, accountId: string, deviceIds: readonly string[]) {
  if (deviceIds.length === 0) return [];
  const newest = await q.updateReport.groupBy({
    by: ["deviceId"],
    where: { accountId, deviceId: { in: [...deviceIds] } },
    _max: { created: true },
  });
  if (newest.length === 0) return [];
  const rows = await q.updateReport.findMany({
    where: {
      accountId,
      OR: newest.map((row) => ({ deviceId: row.deviceId, created: row._max.created! })),
    },
    orderBy: [{ created: "desc" }, { id: "desc" }],
  });
  // Two reports of one instant: the later ID (made later) stands.
  const byDevice = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!byDevice.has(row.deviceId)) byDevice.set(row.deviceId, row);
  return [...byDevice.values()];
}
