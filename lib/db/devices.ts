import type { PageRequest } from "../paging";
import { isRoot, type Queryable } from "./client";
import { listPage, prismaList, rawList, rawRows } from "./list";
import { rawReader } from "./raw-reader";
import { defineRecord, type RecordOf } from "./records";
import { updateUnstamped } from "./unstamped-update";
import { all, equal, type Where } from "./where";

/** A device as every read answers it, with its product's name. */
export const deviceRecord = defineRecord({
  table: "Device",
  columns: {
    id: "string",
    name: "string",
    description: "string",
    model: "string",
    productId: "string",
    accountId: "string?",
    test: "boolean",
    version: "string",
    checked: "string",
    state: "string",
    connection: "string",
    registered: "date",
    created: "date?",
    accessed: "date?",
    updated: "date",
  },
  relations: { product: { table: "Product", on: "productId", optional: false, columns: { name: "string" } } },
});
export type DeviceRecord = RecordOf<typeof deviceRecord>;
const { select } = deviceRecord;

/** A device back in the pool, clean: the next owner sees nothing the previous one wrote. */
const BACK_TO_POOL = {
  accountId: null,
  state: "registered",
  connection: "offline",
  created: null,
  name: "",
  description: "",
};

export const findDeviceById = (q: Queryable, id: string): Promise<DeviceRecord | null> =>
  q.device.findUnique({ where: { id }, select });

/** Outside a transaction the raw reader answers; inside one, the transaction itself. */
export async function findAccountDevice(q: Queryable, accountId: string, id: string): Promise<DeviceRecord | null> {
  if (!isRoot(q)) return q.device.findFirst({ where: { id, accountId }, select });
  const [device] = await rawRows(deviceRecord, rawReader(), equal({ accountId, id }), [], 1);
  return device ?? null;
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
    // A claim is not a contact: last seen stays what the device itself last did.
    data: { accountId, state: "claimed", created: now, ...(test === undefined ? {} : { test }) },
  });
  return count === 1;
}

/**
 * Sets a device's `accessed` (its last contact) to `now`, unless a contact at or after `notSince`
 * is already recorded. One conditional update: of many concurrent contacts, only the first writes.
 * A contact is not an edit: `updated` stays. Answers whether this call wrote.
 */
export async function touchDeviceAccessed(q: Queryable, id: string, now: Date, notSince: Date): Promise<boolean> {
  const notLately: Where = {
    or: [
      { field: "accessed", op: "eq", value: null },
      { field: "accessed", op: "lt", value: notSince },
    ],
  };
  return (await updateUnstamped(q, deviceRecord, { accessed: now }, all(equal({ id }), notLately))) === 1;
}

/** A claimed device that holds a certificate now; scoped by account like every write after a read. */
export async function markProvisioned(q: Queryable, id: string, accountId: string): Promise<boolean> {
  return (await q.device.updateMany({ where: { id, accountId }, data: { state: "provisioned" } })).count === 1;
}

export const countCountedDevices = (q: Queryable, accountId: string) =>
  q.device.count({ where: { accountId, test: false } });

/** Scoped by account: a device released and re-claimed meanwhile is another account's now. */
export async function updateAccountDevice(
  q: Queryable,
  accountId: string,
  id: string,
  data: { name?: string; description?: string },
): Promise<boolean> {
  return (await q.device.updateMany({ where: { id, accountId }, data })).count === 1;
}

/**
 * What a device says of itself in its synced Device item, unless the device row was written
 * since (the last writer wins); scoped by account like every other write.
 */
export async function updateDeviceFromItem(
  q: Queryable,
  accountId: string,
  id: string,
  data: { name?: string; description?: string; model?: string },
  itemUpdated: Date,
): Promise<boolean> {
  const { count } = await q.device.updateMany({ where: { id, accountId, updated: { lte: itemUpdated } }, data });
  return count === 1;
}

export function returnToPool(q: Queryable, id: string, accountId: string) {
  return q.device.updateMany({
    where: { id, accountId },
    data: BACK_TO_POOL,
  });
}

/** An account's devices: the raw reader outside a transaction, the transaction inside one. */
export function findDevicesPage(q: Queryable, accountId: string, filters: Where, page: PageRequest) {
  const source = isRoot(q)
    ? rawList(deviceRecord, rawReader())
    : prismaList(
        (args): Promise<DeviceRecord[]> => q.device.findMany({ ...args, select }),
        (args) => q.device.count(args),
      );
  return listPage(page, all(equal({ accountId }), filters), source);
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

/**
 * The broker's word on a device's connection, with the contact as its last-seen time; not an edit,
 * so `updated` stays. Scoped by account: a device released meanwhile is back in the pool, offline,
 * and stays so.
 */
export async function setDeviceConnection(
  q: Queryable,
  id: string,
  accountId: string,
  connection: "online" | "offline",
  now: Date,
): Promise<boolean> {
  return (await updateUnstamped(q, deviceRecord, { connection, accessed: now }, equal({ id, accountId }))) === 1;
}

/** Every device some broker last reported online, reported offline (not an edit): answers how many. */
export const markOnlineDevicesOffline = (q: Queryable): Promise<number> =>
  updateUnstamped(q, deviceRecord, { connection: "offline" }, equal({ connection: "online" }));
