import type { DeviceItemRecord } from "../../db/device-items";
import { fillTemplate, type ItemModel } from "./models";

// Items as the agent's database takes them in sync messages: the model's name in `_type`, the
// fields, the owner, ISO dates, and pk and sk made from the model's templates (the agent finds an
// item by its sk, and compares `updated` as text).

export const UPSERT = "sync/UPSERT";
export const REMOVE = "sync/REMOVE";
export const SYNCDOWN = "sync/SYNCDOWN";

export { deviceTopic } from "../../broker/seam";

/** SYNCDOWN's payload: the agent records `updated` as the time it has synced down to, and asks for
 * changes after it at its next connect. */
export const syncedTo = (updated: Date | string) =>
  JSON.stringify({ updated: typeof updated === "string" ? updated : updated.toISOString() });

function keysOf(model: ItemModel, values: Record<string, unknown>) {
  const pk = model.pk === undefined ? undefined : fillTemplate(model.pk, values);
  const sk = model.sk === undefined ? undefined : fillTemplate(model.sk, values);
  return { ...(pk === undefined ? {} : { pk }), ...(sk === undefined ? {} : { sk }) };
}

/** The item as a sync/UPSERT message carries it. */
export function wireItem(model: ItemModel, item: DeviceItemRecord): string {
  const values = { ...item.fields, accountId: item.accountId, deviceId: item.deviceId };
  return JSON.stringify({
    _type: model.name,
    ...keysOf(model, values),
    ...values,
    created: item.created.toISOString(),
    updated: item.updated.toISOString(),
    ...(item.expires ? { expires: item.expires.toISOString() } : {}),
  });
}

/** What names the item in a sync/REMOVE message. */
export function wireRemoval(model: ItemModel, item: DeviceItemRecord): string {
  const values = { ...item.fields, accountId: item.accountId, deviceId: item.deviceId };
  const names = model.keyField ? { [model.keyField]: item.fields[model.keyField] } : {};
  return JSON.stringify({
    _type: model.name,
    ...keysOf(model, values),
    ...names,
    accountId: item.accountId,
    deviceId: item.deviceId,
  });
}
