import { z } from "zod";
import { timestamp } from "./common";
import { modelName } from "./data-schema";
import { deviceIdField } from "./store";
import { defineList, defineVerb, type Grant } from "./verb";

// Generic (docs/api.md#generic): a device's database items by `_type`, the built-in Store, Log
// and Command and the models of its product's data schema. Every other body field is an item
// field, checked against the model; fields the model does not declare are dropped.

const itemType = modelName.describe("The model: Store, Log, Command, or a model of the product's data schema");

/** An item as answered: its model's fields with the ones every item has. */
export const genericItem = z.looseObject({
  _type: z.string(),
  deviceId: z.string(),
  created: timestamp,
  updated: timestamp,
  expires: timestamp.nullable(),
});

const itemShape = { _type: itemType, deviceId: deviceIdField };
const itemFields = z.unknown().describe("Item fields of the model");

/** A Generic verb: the body's other fields are the item's (so they are kept, not refused). */
function itemVerb<const V extends string>(verb: V, summary: string, allow: readonly Grant[], output: z.ZodType) {
  const contract = defineVerb({
    controller: "generic",
    verb,
    summary,
    allow,
    ignoreUnknown: true,
    input: itemShape,
    output,
  });
  return { ...contract, input: contract.input.catchall(itemFields) };
}

/** Ioto's `exists`: true, the item must exist; false, it must not; null, either (an upsert). */
export const existsQuery = z.object({
  exists: z
    .enum(["true", "false", "null"])
    .optional()
    .describe(
      "true: the item must exist (404); false: it must not (409); null: either. Default: create false, update true",
    ),
});

export const getGeneric = itemVerb(
  "get",
  "A device's item, named by its key fields",
  ["viewer", "device"],
  genericItem,
);

export const createGeneric = {
  ...itemVerb(
    "create",
    "Create a device's item; cloud-side items of synced models are pushed to the device",
    ["user", "device"],
    genericItem,
  ),
  query: existsQuery,
};

export const updateGeneric = {
  ...itemVerb(
    "update",
    "Update a device's item (the fields given); pushed to the device as create is",
    ["user", "device"],
    genericItem,
  ),
  query: existsQuery,
};

export const removeGeneric = itemVerb(
  "remove",
  "Remove a device's item, named by its key fields",
  ["user", "device"],
  z.object({ _type: z.string(), deviceId: z.string(), removed: z.literal(true) }),
);

const findBase = defineList({
  controller: "generic",
  verb: "find",
  summary: "A model's items: of one device, or (without deviceId) of every device of the account",
  allow: ["viewer", "device"],
  input: {
    _type: itemType.optional().describe("The model; every model's items when left out"),
    deviceId: deviceIdField.describe("Every device's items of the account when left out"),
  },
  item: genericItem,
  filters: { created: "date", updated: "date" },
  textFields: ["key"],
  sortable: { updated: "date" },
});

/** Device callers send their configuration along: a find ignores what it does not know. */
export const findGeneric = { ...findBase, ignoreUnknown: true, input: z.object(findBase.input.shape) };
