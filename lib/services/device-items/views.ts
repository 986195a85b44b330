import type { DeviceItemRecord } from "../../db/device-items";

// Items as the API answers them: a Generic item is its fields with what every item has; a Store
// item its key and typed value.

const dates = (item: DeviceItemRecord) => ({
  created: item.created.toISOString(),
  updated: item.updated.toISOString(),
  expires: item.expires?.toISOString() ?? null,
});

export const genericView = (item: DeviceItemRecord) => ({
  ...item.fields,
  _type: item.type,
  deviceId: item.deviceId,
  ...dates(item),
});

export const storeView = (item: DeviceItemRecord) => ({
  deviceId: item.deviceId,
  key: item.key,
  value: item.fields.value as string | number | boolean | Record<string, unknown> | unknown[],
  type: String(item.fields.type),
  ...dates(item),
});
