import {
  BUILT_IN_MODELS,
  dataSchema,
  ITEM_META_FIELDS,
  templateFields,
  type DataSchema,
  type FieldDefinition,
  type SyncDirection,
} from "../../contracts/data-schema";
import { log } from "../../log";

// The models a device's items may have (decision 014): the built-in Store, Log and Command, as the
// agent's cloud schema defines them, and the models of the device's product's data schema. A
// model says how its items are named (their key within the model and device), which fields they
// hold and which way they sync.

export interface ItemModel {
  name: string;
  builtIn: boolean;
  /** Which way items travel; null: they stay in the cloud. */
  sync: SyncDirection | null;
  /** The item's own fields (the meta fields every item has are kept apart). */
  fields: Readonly<Record<string, FieldDefinition>>;
  /** The agent's key templates, sent with items so its database finds them by sk. */
  pk?: string;
  sk?: string;
  /** The field that names an item when there is no sk template (an ID the cloud may generate). */
  keyField?: string;
}

/** As the agent's cloud schema defines them (its CloudSchema.json5). */
const BUILT_INS: Readonly<Record<string, ItemModel>> = {
  Store: {
    name: "Store",
    builtIn: true,
    sync: "up",
    fields: {
      key: { type: "string", required: true },
      // Any JSON value: its `type` says which (see typedStoreValue).
      value: { type: "object", required: true },
      type: { type: "string" },
    },
    pk: "s#${accountId}#${deviceId}",
    sk: "s#${key}",
    keyField: "key",
  },
  Log: {
    name: "Log",
    builtIn: true,
    sync: "up",
    fields: { id: { type: "string", generate: "ulid" }, message: { type: "string" }, context: { type: "object" } },
    pk: "l#${accountId}#${deviceId}",
    sk: "l#${id}",
    keyField: "id",
  },
  Command: {
    name: "Command",
    builtIn: true,
    sync: "down",
    fields: {
      id: { type: "string", generate: "ulid" },
      command: { type: "string", required: true },
      args: { type: "object" },
      description: { type: "string" },
    },
    pk: "command#",
    sk: "command#${accountId}#${deviceId}#${id}",
    keyField: "id",
  },
};

export const builtInModel = (name: "Store" | "Log" | "Command"): ItemModel => BUILT_INS[name]!;

/** The schema as stored on the product: "" when none. */
export const storedSchemaText = (schema: DataSchema | null): string => (schema ? JSON.stringify(schema) : "");

/** The stored schema, or null when there is none (or, never expected, it no longer parses). */
export function parseStoredSchema(text: string): DataSchema | null {
  if (!text) return null;
  const parsed = dataSchema.safeParse(JSON.parse(text));
  if (!parsed.success) log.error("stored data schema does not parse", { issues: parsed.error.issues.length });
  return parsed.success ? parsed.data : null;
}

function productModel(schema: DataSchema, name: string): ItemModel | undefined {
  // Own keys only: a name such as "constructor" must not find what every object inherits.
  const declared = Object.hasOwn(schema.models, name) ? schema.models[name] : undefined;
  if (!declared) return undefined;
  const process = schema.process && Object.hasOwn(schema.process, name) ? schema.process[name] : undefined;
  const fields = Object.fromEntries(
    Object.entries(declared).filter(([field]) => !(ITEM_META_FIELDS as readonly string[]).includes(field)),
  );
  return {
    name,
    builtIn: false,
    sync: process?.enable === "cloud" ? null : (process?.sync ?? null),
    fields,
    pk: declared.pk?.value,
    sk: declared.sk?.value,
    keyField: declared.sk?.value ? undefined : "id",
  };
}

/** The model `name` for a device of a product with this schema; undefined when there is none. */
export function modelOf(schema: DataSchema | null, name: string): ItemModel | undefined {
  if (Object.hasOwn(BUILT_INS, name)) return BUILT_INS[name];
  if ((BUILT_IN_MODELS as readonly string[]).includes(name)) return undefined;
  return schema ? productModel(schema, name) : undefined;
}

/** Whether the device sends items of this model up (sync up), and the cloud keeps them. */
export const syncsUp = (model: ItemModel) => model.sync === "up" || model.sync === "both";

/** Whether the device's database has this model, so cloud-side changes to its items go down. */
export const reachesDevice = (model: ItemModel) => model.sync !== null;

/** `template` with `${field}` replaced from `values`; undefined when a field it names is missing. */
export function fillTemplate(template: string, values: Record<string, unknown>): string | undefined {
  const missing = templateFields(template).some((field) => {
    const value = values[field];
    return typeof value !== "string" && typeof value !== "number";
  });
  if (missing) return undefined;
  return template.replace(/\$\{([^}]*)\}/g, (_, field: string) => String(values[field]));
}

/** The fields that name an item of this model, for messages that ask for them. */
export function keyFieldsOf(model: ItemModel): string[] {
  if (model.keyField) return [model.keyField];
  return templateFields(model.sk!).filter((field) => field !== "accountId" && field !== "deviceId");
}

/**
 * The item's key within its model and device: its key field (Store's key, a Log's or Command's
 * id) or, for product models, its sk as the agent makes it from the template.
 */
export function itemKeyOf(
  model: ItemModel,
  fields: Record<string, unknown>,
  owner: { accountId: string; deviceId: string },
): string | undefined {
  if (model.keyField) {
    const value = fields[model.keyField];
    return typeof value === "string" && value ? value : undefined;
  }
  return fillTemplate(model.sk!, { ...fields, ...owner });
}
