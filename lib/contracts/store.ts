import { z } from "zod";
import { idField, timestamp } from "./common";
import { defineList, defineVerb } from "./verb";

// The device key/value Store (docs/api.md#store): one Store item per device and key. The agent
// sends every value as text ("21.5" with type number); values are kept and answered as their type.

export const STORE_TYPES = ["string", "number", "boolean", "object"] as const;
export type StoreType = (typeof STORE_TYPES)[number];
export type StoreValue = string | number | boolean | Record<string, unknown> | unknown[];

export const storeKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000]*$/, "No U+0000");
export const storeValue = z.union([
  z.string().max(65_536),
  z.number(),
  z.boolean(),
  z.record(z.string(), z.unknown()),
  z.array(z.unknown()),
]);
/** ISO 8601, or epoch milliseconds as the agent's documentation says. */
export const expiresField = z
  .union([z.iso.datetime({ offset: true }), z.number().int().min(0).max(253_402_300_799_999)])
  .describe("When the item is deleted: an ISO 8601 date or epoch milliseconds");

/** The device a call is about: a device token's own when left out (required from anyone else). */
export const deviceIdField = idField.optional().meta({ "x-server-judged": "required unless the caller is a device" });

export const storeItem = z.object({
  deviceId: z.string(),
  key: z.string(),
  value: storeValue,
  type: z.enum(STORE_TYPES),
  expires: timestamp.nullable(),
  created: timestamp,
  updated: timestamp,
});
export type StoreItem = z.infer<typeof storeItem>;

export const getStore = defineVerb({
  controller: "store",
  verb: "get",
  summary: "A device's Store value, typed",
  allow: ["viewer", "device"],
  input: { deviceId: deviceIdField, key: storeKey },
  output: storeItem,
});

// store/set — from a person or script it is pushed down to the device (sync/UPSERT)
export const setStore = defineVerb({
  controller: "store",
  verb: "set",
  summary: "Set a device's Store value; a value set in the cloud is pushed to the device",
  allow: ["user", "device"],
  ignoreUnknown: true,
  input: {
    deviceId: deviceIdField,
    key: storeKey,
    value: storeValue.meta({ "x-server-judged": "must read as its type; small enough to reach the device" }),
    type: z.enum(STORE_TYPES).optional().describe("Inferred from the value when left out"),
    expires: expiresField.optional(),
  },
  output: storeItem,
});

export const findStore = defineList({
  controller: "store",
  verb: "find",
  summary: "A device's Store values (every device's of the account when no device is named)",
  allow: ["viewer", "device"],
  input: { deviceId: idField.optional().describe("Every device's values of the account when left out") },
  item: storeItem,
  filters: { key: "string", created: "date", updated: "date" },
  textFields: ["key"],
  sortable: { key: "string", updated: "date" },
});

export const removeStore = defineVerb({
  controller: "store",
  verb: "remove",
  summary: "Remove a device's Store value (from the device too)",
  allow: ["user", "device"],
  input: { deviceId: deviceIdField, key: storeKey },
  output: z.object({ deviceId: z.string(), key: z.string(), removed: z.literal(true) }),
});
