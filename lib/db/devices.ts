import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { sqliteAccountDevice, sqliteDeviceRows } from "./hot-path";
import { listPage, scanDirection, type ListWhere } from "./list";

const withProduct = { product: { select: { name: true } } } as const;

/** A device back in the pool, clean: the next owner sees nothing the previous one wrote. */
const BACK_TO_POOL = {
  accountId: null,
  state: "registered",
  connection: "offline",
  created: null,
  name: "",
  description: "",
};

export const findDeviceById = (q: Queryable, id: string) =>
  q.device.findUnique({ where: { id }, include: withProduct });

export async function findAccountDevice(q: Queryable, accountId: string, id: string, readOnly = false) {
  // Outside a transaction, SQLite reads take the prepared-statement path.
  const fast = readOnly ? sqliteAccountDevice(accountId, id) : undefined;
  if (fast !== undefined) return fast;
  return q.device.findFirst({ where: { id, accountId }, include: withProduct });
}

export function insertDevice(
  q: Queryable,
  data: {
    id: string;
    productId: string;
    name: string;
    description: string;
    model: string;
    test: boolean;
    version: string;
  },
) {
  return q.device.create({ data });
}

/** Only while in the pool: a claimed device's name belongs to its account now. */
export function refreshPoolDevice(
  q: Queryable,
  id: string,
  data: { name?: string; description?: string; model?: string; test?: boolean; version?: string },
) {
  return q.device.updateMany({ where: { id, accountId: null }, data });
}

/** The claim itself: one conditional update, so exactly one of many concurrent claims wins. */
export async function claimIfUnclaimed(
  q: Queryable,
  id: string,
  accountId: string,
  test: boolean | undefined,
  now: Date,
) {
  const { count } = await q.device.updateMany({
    where: { id, accountId: null },
    data: { accountId, state: "claimed", created: now, accessed: now, ...(test === undefined ? {} : { test }) },
  });
  return count === 1;
}

export const countCountedDevices = (q: Queryable, accountId: string) =>
  q.device.count({ where: { accountId, test: false } });

export const updateDeviceRow = (q: Queryable, id: string, data: { name?: string; description?: string }) =>
  q.device.update({ where: { id }, data, include: withProduct });

export function returnToPool(q: Queryable, id: string, accountId: string) {
  return q.device.updateMany({
    where: { id, accountId },
    data: BACK_TO_POOL,
  });
}

/** An account's devices; an unfiltered page on SQLite takes the prepared-statement path. */
export function findDevicesPage(q: Queryable, accountId: string, filters: ListWhere, page: PageRequest) {
  const where = { AND: [{ accountId }, filters] };
  const unfiltered = Object.keys(filters).length === 0 && page.sort.field === "created";
  return listPage(
    page,
    where,
    async (args) => {
      const fast = unfiltered
        ? sqliteDeviceRows(accountId, page.cursor?.key, page.cursor?.id, scanDirection(page).ascending, args.take)
        : undefined;
      return fast ?? q.device.findMany({ ...args, include: withProduct });
    },
    (args) => q.device.count(args),
  );
}

/** Serialises claims in one account (row lock on PostgreSQL, write lock on SQLite). */
export const lockAccount = (q: Queryable, accountId: string) =>
  q.account.update({ where: { id: accountId }, data: { updated: new Date() } });

/** Every device of a closing account goes back to the pool. */
export const releaseAllDevices = (q: Queryable, accountId: string) =>
  q.device.updateMany({
    where: { accountId },
    data: BACK_TO_POOL,
  });
