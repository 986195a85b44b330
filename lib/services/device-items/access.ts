import type { DataSchema } from "../../contracts/data-schema";
import { normaliseClaimId } from "../../contracts/device";
import type { FilterSpec } from "../../contracts/filters";
import { db, type Queryable } from "../../db/client";
import { findDeviceItemsPage, type DeviceItemRecord } from "../../db/device-items";
import { findAccountDevice } from "../../db/devices";
import { filterWhere, textWhere } from "../../db/list";
import { findProductDataSchema } from "../../db/products";
import { DEVICE_NOT_FOUND, notFound, validationError } from "../../errors";
import type { CallContext } from "../context";
import { modelOf, parseStoredSchema, type ItemModel } from "./models";

// Whose items a call touches: a device of the account the call acts in (another account's, or a
// released one, is as absent as one that never existed), and for a device token only its own.

/** A device of an account, with the data schema of its product. */
export interface DeviceScope {
  accountId: string;
  deviceId: string;
  schema: DataSchema | null;
}

/** An item's name in the table: its owner, model and key. */
export const itemName = (scope: DeviceScope, type: string, key: string) => ({
  accountId: scope.accountId,
  deviceId: scope.deviceId,
  type,
  key,
});

/** The device if it belongs to the account now; null otherwise. */
export async function deviceScope(q: Queryable, accountId: string, deviceId: string): Promise<DeviceScope | null> {
  const device = await findAccountDevice(q, accountId, deviceId);
  if (!device) return null;
  return {
    accountId,
    deviceId: device.id,
    schema: parseStoredSchema(await findProductDataSchema(q, device.productId)),
  };
}

/** The device the caller names: a device token's own when it names none, otherwise required. */
export function namedDevice(ctx: CallContext, deviceId: string | undefined): string | undefined {
  const p = ctx.principal;
  if (p?.kind === "device") {
    if (deviceId !== undefined && normaliseClaimId(deviceId) !== p.deviceId) throw notFound(DEVICE_NOT_FOUND);
    return p.deviceId;
  }
  return deviceId === undefined ? undefined : normaliseClaimId(deviceId);
}

export async function callScope(ctx: CallContext, deviceId: string | undefined): Promise<DeviceScope> {
  const id = namedDevice(ctx, deviceId);
  if (!id) throw validationError("deviceId: Required", [{ name: "deviceId", message: "Required" }]);
  const scope = await deviceScope(db(), ctx.accountId, id);
  if (!scope) throw notFound(DEVICE_NOT_FOUND);
  return scope;
}

export function modelOrThrow(scope: DeviceScope, type: string): ItemModel {
  const model = modelOf(scope.schema, type);
  if (!model)
    throw validationError(`_type: no model ${type} (Store, Log, Command, or one of the product's data schema)`, [
      { name: "_type", message: `No model ${type} for this device` },
    ]);
  return model;
}

/** A page of items: of one device (its own for a device token) or of every device of the account. */
export async function findDeviceItems<View>(
  ctx: CallContext,
  scope: { type?: string; deviceId?: string },
  input: Record<string, unknown>,
  list: { filters: FilterSpec; textFields: readonly string[] },
  view: (item: DeviceItemRecord) => View,
) {
  const deviceId = namedDevice(ctx, scope.deviceId);
  if (deviceId && !(await findAccountDevice(db(), ctx.accountId, deviceId))) throw notFound(DEVICE_NOT_FOUND);
  const filters = [filterWhere(input, list.filters), textWhere(ctx.page?.text, list.textFields)];
  const owner = {
    accountId: ctx.accountId,
    ...(scope.type ? { type: scope.type } : {}),
    ...(deviceId ? { deviceId } : {}),
  };
  const page = await findDeviceItemsPage(db(), owner, { and: filters.filter((f) => f !== undefined) }, ctx.page!);
  return { ...page, items: page.items.map(view) };
}
