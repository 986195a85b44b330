import { findGeneric as findGenericContract } from "../../contracts/generic";
import { db } from "../../db/client";
import { findDeviceItem } from "../../db/device-items";
import { notFound } from "../../errors";
import type { CallContext } from "../context";
import { callScope, findDeviceItems, itemName, modelOrThrow } from "./access";
import { genericView } from "./views";
import { itemKeyOrThrow, removeItem, writeItem, type Exists } from "./write";

// The Generic controller: any model's items by `_type`, named by the model's key fields (Store's
// key, a Log's or Command's id, the fields of a product model's sk template).

interface ItemInput extends Record<string, unknown> {
  _type: string;
  deviceId?: string;
}

/** The body without the fields that address the item rather than belong to it. */
function itemFields(input: ItemInput): Record<string, unknown> {
  const { _type, deviceId, expires, ...fields } = input;
  void _type;
  void deviceId;
  void expires;
  return fields;
}

/** Ioto's `exists` query option, when given: "null" asks for an upsert. */
function existsOf(ctx: CallContext, otherwise: Exists): Exists {
  const asked = ctx.query?.exists;
  return asked === undefined ? otherwise : asked === "null" ? null : asked === "true";
}

export async function getItem(ctx: CallContext, input: ItemInput) {
  const scope = await callScope(ctx, input.deviceId);
  const model = modelOrThrow(scope, input._type);
  const key = itemKeyOrThrow(scope, model, itemFields(input));
  const item = await findDeviceItem(db(), itemName(scope, model.name, key));
  if (!item) throw notFound(`Cannot find this ${model.name} item`);
  return genericView(item);
}

async function write(ctx: CallContext, input: ItemInput, merge: boolean, exists: Exists) {
  const scope = await callScope(ctx, input.deviceId);
  const model = modelOrThrow(scope, input._type);
  const item = await writeItem(ctx, scope, model, { input: itemFields(input), expires: input.expires, exists, merge });
  return genericView(item);
}

/** Creates the item whole; by default it must not exist yet. */
export const createItem = (ctx: CallContext, input: ItemInput) => write(ctx, input, false, existsOf(ctx, false));

/** Lays the fields given over the item; by default it must exist. */
export const updateItem = (ctx: CallContext, input: ItemInput) => write(ctx, input, true, existsOf(ctx, true));

export async function removeGenericItem(ctx: CallContext, input: ItemInput) {
  const scope = await callScope(ctx, input.deviceId);
  await removeItem(ctx, scope, modelOrThrow(scope, input._type), itemFields(input));
  return { _type: input._type, deviceId: scope.deviceId, removed: true as const };
}

/** One device's items, or every device's of the account when no device is named. */
export async function findItems(ctx: CallContext, input: Record<string, unknown>) {
  // The contract makes both text when given; a find's body is typed by its filters.
  const { _type: type, deviceId } = input as { _type?: string; deviceId?: string };
  return findDeviceItems(ctx, { type, deviceId }, input, findGenericContract, genericView);
}
