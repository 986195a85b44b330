import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import { all, equal, type Where } from "./where";

// A device's database items, every model in one table (decision 014): the item's own fields are
// JSON text, parsed whenever a row is read; `updated` is the item's own time, which sync compares.

export interface DeviceItemRecord {
  id: string;
  accountId: string;
  deviceId: string;
  type: string;
  key: string;
  fields: Record<string, unknown>;
  expires: Date | null;
  created: Date;
  updated: Date;
  source: string;
}

interface DeviceItemRow extends Omit<DeviceItemRecord, "fields"> {
  fields: string;
}

const recordOf = (row: DeviceItemRow): DeviceItemRecord => ({
  ...row,
  fields: JSON.parse(row.fields) as Record<string, unknown>,
});

export interface ItemName {
  accountId: string;
  deviceId: string;
  type: string;
  key: string;
}

/** What a write sets. */
export interface ItemContent {
  fields: Record<string, unknown>;
  expires: Date | null;
  updated: Date;
  source: "cloud" | "device";
}

/** Items past their expiry are gone to every reader (as on the device). */
const live = (now: Date): Where => ({
  or: [
    { field: "expires", op: "eq", value: null },
    { field: "expires", op: "gt", value: now },
  ],
});

export async function findDeviceItem(q: Queryable, name: ItemName, now = new Date()) {
  const row = await q.deviceItem.findFirst({
    where: { ...name, OR: [{ expires: null }, { expires: { gt: now } }] },
  });
  return row && recordOf(row);
}

/** The item's row whether or not it has expired: a write takes its place (its name is unique). */
export async function findDeviceItemRow(q: Queryable, name: ItemName) {
  const row = await q.deviceItem.findFirst({ where: name });
  return row && recordOf(row);
}

export async function insertDeviceItem(q: Queryable, id: string, name: ItemName, content: ItemContent) {
  const row = await q.deviceItem.create({
    data: { id, ...name, ...content, fields: JSON.stringify(content.fields) },
  });
  return recordOf(row);
}

/**
 * Replaces the item's content unless what is stored is newer: the last writer by the items' own
 * `updated` wins, and a tie goes to this write. One conditional update, so concurrent writers
 * settle in the database. Answers whether this write won.
 */
export async function replaceIfNotNewer(q: Queryable, id: string, content: ItemContent): Promise<boolean> {
  const { count } = await q.deviceItem.updateMany({
    where: { id, updated: { lte: content.updated } },
    data: { ...content, fields: JSON.stringify(content.fields), delivered: null },
  });
  return count === 1;
}

export async function replaceDeviceItem(q: Queryable, id: string, content: ItemContent) {
  // A new version of the item: not delivered yet.
  const row = await q.deviceItem.update({
    where: { id },
    data: { ...content, fields: JSON.stringify(content.fields), delivered: null },
  });
  return recordOf(row);
}

export function deleteDeviceItem(q: Queryable, id: string) {
  return q.deviceItem.delete({ where: { id } });
}

/** Removes the item unless it was written after `notAfter` (a device's remove loses to a newer write). */
export async function deleteIfNotNewer(q: Queryable, id: string, notAfter: Date): Promise<void> {
  await q.deviceItem.deleteMany({ where: { id, updated: { lte: notAfter } } });
}

/** A page of an account's items of one model (of one device, or of all), live ones only. */
export function findDeviceItemsPage(
  q: Queryable,
  scope: { accountId: string; type?: string; deviceId?: string },
  filters: Where,
  page: PageRequest,
) {
  const where = all(equal(scope), live(new Date()), filters);
  return listPage(
    page,
    where,
    prismaList(
      async (args) => (await q.deviceItem.findMany(args)).map(recordOf),
      (args) => q.deviceItem.count(args),
    ),
  );
}

/**
 * A device's live items written in the cloud at or after `since`, of the given models, oldest
 * first: what sync down sends. At or after: an item of the very instant is sent again rather
 * than missed (the device's upsert makes a repeat harmless).
 */
export async function findCloudItemsSince(
  q: Queryable,
  owner: { accountId: string; deviceId: string },
  types: readonly string[],
  since: Date,
  take: number,
) {
  const now = new Date();
  const rows = await q.deviceItem.findMany({
    where: {
      ...owner,
      source: "cloud",
      delivered: null,
      type: { in: [...types] },
      // After, not at: the agent counts itself synced up to `since`, which is the last item it took;
      // it would take that item again, and obey a command twice.
      updated: { gt: since },
      OR: [{ expires: null }, { expires: { gt: now } }],
    },
    orderBy: [{ updated: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map(recordOf);
}

/** Records that the device acknowledged this version of the item (its `updated`, as sent). */
export async function markItemDelivered(q: Queryable, name: ItemName, updated: Date, at: Date): Promise<void> {
  await q.deviceItem.updateMany({ where: { ...name, updated, delivered: null }, data: { delivered: at } });
}
