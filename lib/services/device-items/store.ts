import { findStore as findStoreContract } from "../../contracts/store";
import { db, type Queryable } from "../../db/client";
import { findDeviceItem } from "../../db/device-items";
import { notFound } from "../../errors";
import type { CallContext } from "../context";
import { callScope, findDeviceItems, itemName, type DeviceScope } from "./access";
import { builtInModel } from "./models";
import { storeView } from "./views";
import { removeItem, writeItem, writeItemIn, type ItemWrite } from "./write";

// The Store controller: Store items by key. A value set in the cloud goes down to the device
// (sync/UPSERT); one a device sets stays in the cloud (the device has it).

const STORE = builtInModel("Store");

interface StoreKey {
  deviceId?: string;
  key: string;
}

export async function getStoreValue(ctx: CallContext, input: StoreKey) {
  const scope = await callScope(ctx, input.deviceId);
  const item = await findDeviceItem(db(), itemName(scope, "Store", input.key));
  if (!item) throw notFound(`Cannot find key ${input.key}`);
  return storeView(item);
}

type StoreWrite = StoreKey & { value: unknown; type?: string; expires?: string | number };

const storeWriteOf = (input: StoreWrite): ItemWrite => ({
  input: { key: input.key, value: input.value, type: input.type },
  expires: input.expires,
  exists: null,
  merge: false,
});

export async function setStoreValue(ctx: CallContext, input: StoreWrite) {
  const scope = await callScope(ctx, input.deviceId);
  return storeView(await writeItem(ctx, scope, STORE, storeWriteOf(input)));
}

/** setStoreValue inside the caller's transaction, for a device already known to be the account's. */
export async function setStoreValueIn(tx: Queryable, ctx: CallContext, scope: DeviceScope, input: StoreWrite) {
  return storeView(await writeItemIn(tx, ctx, scope, STORE, storeWriteOf(input)));
}

export const findStoreValues = (ctx: CallContext, input: Record<string, unknown> & { deviceId?: string }) =>
  findDeviceItems(ctx, { type: "Store", deviceId: input.deviceId }, input, findStoreContract, storeView);

export async function removeStoreValue(ctx: CallContext, input: StoreKey) {
  const scope = await callScope(ctx, input.deviceId);
  await removeItem(ctx, scope, STORE, { key: input.key });
  return { deviceId: scope.deviceId, key: input.key, removed: true as const };
}
