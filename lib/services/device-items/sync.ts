import { z } from "zod";
import { fitsDevicePacket } from "../../broker/packet-size";
import { db, transaction, type Queryable } from "../../db/client";
import {
  deleteIfNotNewer,
  findCloudItemsSince,
  findDeviceItemRow,
  insertDeviceItem,
  replaceDeviceItem,
  replaceIfNotNewer,
  type DeviceItemRecord,
} from "../../db/device-items";
import { oldestPendingPayload } from "../../db/device-messages";
import { updateDeviceFromItem } from "../../db/devices";
import { newId } from "../../ids";
import { log } from "../../log";
import { itemName, type DeviceScope } from "./access";
import { checkItemFields, instantOf } from "./fields";
import { itemKeyOf, modelOf, reachesDevice, syncsUp, type ItemModel } from "./models";
import { deviceTopic, UPSERT, wireItem } from "./wire";

// Database sync with a device (decision 014). Up: the device's changes are kept when they are not
// older than what the cloud has (last writer wins by the items' own `updated`), and every change is
// acknowledged, kept or not, so the agent stops sending it. Down: items written in the cloud since
// a time go to the device one per message.

/** What the agent's db/syncToDynamo carries; each change is read on its own (one bad one is skipped). */
export const syncUpMessage = z.object({
  seq: z.union([z.number(), z.string().max(40)]),
  changes: z.array(z.unknown()).max(10_000),
});
const syncChange = z.object({
  cmd: z.string().max(20),
  key: z.string().max(1024),
  item: z.record(z.string(), z.unknown()),
});

/** The most items one sync down sends; a device further behind gets the rest at its next connect. */
export const MAX_SYNC_DOWN_ITEMS = 1000;

export interface SyncedItem {
  model: ItemModel;
  item: DeviceItemRecord;
}

export interface SyncUpResult {
  seq: number | string;
  /** Every change's key, in the order received: each is settled (kept, or deliberately not). */
  keys: string[];
  /** Up to when the device may count itself synced (see syncWatermark). */
  updated: string;
  /** Cloud items newer than the device's change: sent back down so the device converges. */
  newer: SyncedItem[];
}

/** A device's clock may run ahead; its times count at most as now. */
const deviceTime = (value: unknown, now: Date) => {
  const time = instantOf(value);
  return time && time <= now ? time : now;
};

/** Text the Device row takes from the device's own Device item (never state, account or product). */
function deviceFields(item: Record<string, unknown>) {
  const text = (value: unknown, max: number) =>
    typeof value === "string" && value.trim() && value.length <= max ? value.trim() : undefined;
  return { name: text(item.name, 100), description: text(item.description, 1000), model: text(item.model, 1000) };
}

async function applyChange(
  tx: Queryable,
  scope: DeviceScope,
  change: z.infer<typeof syncChange>,
  updated: Date,
): Promise<SyncedItem | undefined> {
  const type = String(change.item._type ?? "");
  if (type === "Device") {
    await updateDeviceFromItem(tx, scope.accountId, scope.deviceId, deviceFields(change.item), updated);
    return undefined;
  }
  const model = modelOf(scope.schema, type);
  if (!model || !syncsUp(model)) return undefined;
  const { fields, problems } = checkItemFields(model, change.item);
  const key = itemKeyOf(model, { ...change.item, ...fields }, scope);
  if (problems.length || key === undefined) {
    log.warn("sync up: item skipped", { deviceId: scope.deviceId, type, problems: problems.map((p) => p.name) });
    return undefined;
  }
  const name = itemName(scope, type, key);
  const existing = await findDeviceItemRow(tx, name);
  if (change.cmd === "remove") {
    if (existing) await deleteIfNotNewer(tx, existing.id, updated);
    return undefined;
  }
  const expires = instantOf(change.item.expires) ?? null;
  const content = { fields, expires, updated, source: "device" as const };
  // An expired item is gone to every reader: the change takes its place, whatever its time.
  const expired = existing?.expires && existing.expires <= new Date();
  if (!existing) await insertDeviceItem(tx, newId(), name, content);
  else if (expired) await replaceDeviceItem(tx, existing.id, content);
  else if (!(await replaceIfNotNewer(tx, existing.id, content)) && existing.source === "cloud" && reachesDevice(model))
    return { model, item: existing };
  return undefined;
}

/** Applies a db/syncToDynamo message from the device in one transaction. */
export async function syncUp(scope: DeviceScope, message: z.infer<typeof syncUpMessage>): Promise<SyncUpResult> {
  const now = new Date();
  const keys: string[] = [];
  const newer: SyncedItem[] = [];
  let latest = new Date(0);
  await transaction(async (tx) => {
    for (const raw of message.changes) {
      const change = syncChange.safeParse(raw);
      if (!change.success) {
        const key = (raw as { key?: unknown } | null)?.key;
        if (typeof key === "string") keys.push(key);
        log.warn("sync up: change not understood", { deviceId: scope.deviceId });
        continue;
      }
      const updated = deviceTime(change.data.item.updated, now);
      if (updated > latest) latest = updated;
      const kept = await applyChange(tx, scope, change.data, updated);
      if (kept) newer.push(kept);
      keys.push(change.data.key);
    }
  });
  const updated = await syncWatermark(scope, message.changes.length ? latest : now);
  return { seq: message.seq, keys, updated: updated.toISOString(), newer };
}

/**
 * The time the device may record as synced: the agent asks for changes since it at its next
 * connect. Never past now, nor past a change still waiting in the outbox (it may never be
 * delivered if the device goes away first, and sync down must then send it).
 */
export async function syncWatermark(scope: DeviceScope, candidate: Date): Promise<Date> {
  const pending = await oldestPendingPayload(db(), scope.deviceId, deviceTopic(scope.deviceId, UPSERT));
  const pendingSince =
    pending === undefined ? undefined : instantOf((JSON.parse(pending) as { updated?: unknown }).updated);
  const limits = [candidate, new Date(), ...(pendingSince ? [pendingSince] : [])];
  return new Date(Math.min(...limits.map((d) => d.getTime())));
}

export interface SyncDownResult {
  /** One sync/UPSERT payload per item, oldest first; items too large for a packet are left out. */
  payloads: string[];
  updated: string;
}

/** The models a sync down sends: every model the device's database has. */
function downModels(scope: DeviceScope): ItemModel[] {
  const names = ["Store", "Log", "Command", ...Object.keys(scope.schema?.models ?? {})];
  return names.map((name) => modelOf(scope.schema, name)).filter((m): m is ItemModel => !!m && reachesDevice(m));
}

/** Answers db/syncDown {timestamp}: the items written in the cloud since then. */
export async function syncDown(scope: DeviceScope, timestamp: unknown): Promise<SyncDownResult> {
  const since = instantOf(timestamp) ?? new Date(0);
  const models = new Map(downModels(scope).map((model) => [model.name, model]));
  const items = await findCloudItemsSince(
    db(),
    { accountId: scope.accountId, deviceId: scope.deviceId },
    [...models.keys()],
    since,
    MAX_SYNC_DOWN_ITEMS,
  );
  const topic = deviceTopic(scope.deviceId, UPSERT);
  const payloads: string[] = [];
  for (const item of items) {
    const payload = wireItem(models.get(item.type)!, item);
    if (fitsDevicePacket(topic, payload)) payloads.push(payload);
    else
      log.warn("sync down: item too large for the device's packets, not sent", {
        deviceId: scope.deviceId,
        type: item.type,
        key: item.key,
      });
  }
  const last = items.at(-1)?.updated;
  const updated = await syncWatermark(scope, last && last > since ? last : since);
  return { payloads, updated: updated.toISOString() };
}
