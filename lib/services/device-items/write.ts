import { roleRank } from "../../contracts/verb";
import { recordAudit } from "../../db/audit";
import { transaction, type Queryable } from "../../db/client";
import {
  deleteDeviceItem,
  findDeviceItemRow,
  insertDeviceItem,
  replaceDeviceItem,
  type DeviceItemRecord,
} from "../../db/device-items";
import { enqueueDeviceMessage } from "../../db/device-messages";
import { fitsDevicePacket, MAX_DEVICE_PACKET } from "../../broker/packet-size";
import { accessDenied, conflict, notFound, validationError, type FieldError } from "../../errors";
import { newId } from "../../ids";
import { auditEntry, type CallContext } from "../context";
import { itemName, type DeviceScope } from "./access";
import { checkItemFields, instantOf } from "./fields";
import { itemKeyOf, keyFieldsOf, reachesDevice, syncsUp, type ItemModel } from "./models";
import { deviceTopic, REMOVE, SYNCDOWN, syncedTo, UPSERT, wireItem, wireRemoval } from "./wire";

// Writes of a device's items by a call (Store and Generic): who may write what, Ioto's `exists`,
// and the push of a cloud-side change to the device through the outbox, in the transaction that
// makes the change (decision 014).

/** Ioto's `exists`: true, the item must exist; false, it must not; null, either. */
export type Exists = boolean | null;

/** Commands a user may send; any other (release, or a custom one) only an admin, and each is audited. */
const USER_COMMANDS = ["reboot", "update"];

function refuse(problems: FieldError[]): never {
  throw validationError(`Invalid item: ${problems.map((p) => `${p.name}: ${p.message}`).join("; ")}`, problems);
}

/** A device writes only models it syncs up; a person or script writes any but commands beyond their role. */
function checkWriter(ctx: CallContext, model: ItemModel, fields: Record<string, unknown>) {
  const p = ctx.principal;
  if (p?.kind === "device") {
    if (!syncsUp(model)) throw accessDenied(`A device does not write ${model.name} items: they come from the cloud`);
    return;
  }
  if (model.name !== "Command" || !p || (p.kind !== "user" && p.kind !== "token")) return;
  if (!USER_COMMANDS.includes(String(fields.command)) && roleRank(p.role) < roleRank("admin"))
    throw accessDenied(`Only admins may send the command "${String(fields.command)}"`);
}

export function itemKeyOrThrow(scope: DeviceScope, model: ItemModel, fields: Record<string, unknown>): string {
  const key = itemKeyOf(model, fields, scope);
  if (key === undefined) refuse(keyFieldsOf(model).map((name) => ({ name, message: "Required to name the item" })));
  return key;
}

const sourceOf = (ctx: CallContext) => (ctx.principal?.kind === "device" ? "device" : "cloud");

/** Sends a cloud-side change down to the device: refused whole when it could never reach it. */
async function push(tx: Queryable, deviceId: string, topic: string, payload: string) {
  if (!fitsDevicePacket(deviceTopic(deviceId, topic), payload))
    refuse([
      { name: "_type", message: `The item is too large to reach the device (${MAX_DEVICE_PACKET}-byte packets)` },
    ]);
  await enqueueDeviceMessage(tx, deviceId, deviceTopic(deviceId, topic), payload);
}

export interface ItemWrite {
  /** The body's item fields. */
  input: Record<string, unknown>;
  expires: unknown;
  exists: Exists;
  /** Update: the fields given are laid over the stored ones; otherwise the item is written whole. */
  merge: boolean;
}

export function writeItem(
  ctx: CallContext,
  scope: DeviceScope,
  model: ItemModel,
  write: ItemWrite,
): Promise<DeviceItemRecord> {
  return transaction((tx) => writeItemIn(tx, ctx, scope, model, write));
}

/** writeItem inside the caller's transaction (an action's step, which records its run in it). */
export async function writeItemIn(
  tx: Queryable,
  ctx: CallContext,
  scope: DeviceScope,
  model: ItemModel,
  write: ItemWrite,
): Promise<DeviceItemRecord> {
  const expires = write.expires === undefined || write.expires === null ? null : instantOf(write.expires);
  if (expires === undefined) refuse([{ name: "expires", message: "Expected an ISO 8601 date or epoch milliseconds" }]);
  const source = sourceOf(ctx);
  const named = checkItemFields(model, write.input);
  // An update names an existing item; a whole write may name a new one by an ID made for it.
  const key = itemKeyOrThrow(scope, model, write.merge ? write.input : { ...write.input, ...named.fields });
  const name = itemName(scope, model.name, key);
  const existing = await findDeviceItemRow(tx, name);
  const now = new Date();
  const live = existing && (!existing.expires || existing.expires > now) ? existing : null;
  if (write.exists === true && !live) throw notFound(`Cannot find this ${model.name} item`);
  if (write.exists === false && live) throw conflict(`This ${model.name} item exists already`);
  const { fields, problems } = write.merge && live ? checkItemFields(model, { ...live.fields, ...write.input }) : named;
  if (problems.length) refuse(problems);
  checkWriter(ctx, model, fields);
  const content = {
    fields,
    expires: write.merge && live && write.expires === undefined ? live.expires : expires,
    updated: now,
    source,
  } as const;
  const item = existing
    ? await replaceDeviceItem(tx, existing.id, content)
    : await insertDeviceItem(tx, newId(), name, content);
  if (source === "cloud" && reachesDevice(model)) {
    await push(tx, scope.deviceId, UPSERT, wireItem(model, item));
    // The agent records how far it has synced only from SYNCDOWN. Without this one, its next
    // connect would ask from before this item and get it again, and a command taken again is
    // obeyed again: a pushed reboot would reboot the device at every connect.
    await push(tx, scope.deviceId, SYNCDOWN, syncedTo(item.updated));
  }
  if (model.name === "Command")
    await recordAudit(tx, auditEntry(ctx, "device.command", `${scope.deviceId} ${String(fields.command)}`));
  return item;
}

/** Removes the item named by `input`; a cloud-side removal goes down to the device too. */
export async function removeItem(
  ctx: CallContext,
  scope: DeviceScope,
  model: ItemModel,
  input: Record<string, unknown>,
): Promise<void> {
  const key = itemKeyOrThrow(scope, model, input);
  await transaction(async (tx) => {
    const item = await findDeviceItemRow(tx, {
      accountId: scope.accountId,
      deviceId: scope.deviceId,
      type: model.name,
      key,
    });
    if (!item || (item.expires && item.expires <= new Date())) throw notFound(`Cannot find this ${model.name} item`);
    checkWriter(ctx, model, item.fields);
    await deleteDeviceItem(tx, item.id);
    if (sourceOf(ctx) === "cloud" && reachesDevice(model))
      await push(tx, scope.deviceId, REMOVE, wireRemoval(model, item));
  });
}
