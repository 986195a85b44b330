import { z } from "zod";

// A product's device data schema, as the Ioto agent's own schema files state it (OneTable JSON:
// `process` says how each model syncs, `models` its fields). Its models are what Generic and
// database sync accept beyond the built-in Store, Log and Command (docs/api.md#data-schema).
// Attributes this cloud does not use (show, notes, hidden…) are kept as uploaded.

export const SYNC_DIRECTIONS = ["up", "down", "both"] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];
export const FIELD_TYPES = ["string", "number", "boolean", "date", "object", "array"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Models the cloud defines itself: a schema may name them (the agent's files do), but these rule. */
export const BUILT_IN_MODELS = ["Store", "Log", "Command", "Device", "Broadcast", "SyncState"] as const;

/** Fields every item carries, kept by the cloud rather than in the item's own fields. */
export const ITEM_META_FIELDS = [
  "_type",
  "pk",
  "sk",
  "accountId",
  "deviceId",
  "created",
  "updated",
  "expires",
  "_source",
] as const;

export const MAX_SCHEMA_BYTES = 64 * 1024;
const MAX_MODELS = 50;
const MAX_FIELDS = 100;

export const modelName = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "A letter, then letters, digits and _");
const fieldName = z
  .string()
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "A letter or _, then letters, digits and _");

export const fieldDefinition = z.looseObject({
  type: z.enum(FIELD_TYPES),
  /** A template such as `settings#${deviceId}`: pk and sk are made this way. */
  value: z.string().max(200).optional(),
  required: z.boolean().optional(),
  generate: z.string().max(20).optional().describe("ulid, uuid or uid: the cloud makes an ID when none is given"),
  enum: z.array(z.string().max(200)).max(100).optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinition>;

export const processEntry = z.looseObject({
  enable: z.enum(["both", "cloud", "device"]).optional(),
  sync: z.enum(SYNC_DIRECTIONS).optional().describe("up: device to cloud, down: cloud to device, both"),
});

const TEMPLATE_FIELD = /\$\{([^}]*)\}/g;

/** The field names a value template reads, e.g. `s#${key}` → ["key"]. */
export const templateFields = (template: string): string[] =>
  [...template.matchAll(TEMPLATE_FIELD)].map((match) => match[1]!);

export const dataSchema = z.strictObject({
  version: z.string().max(64).optional(),
  description: z.string().max(1000).optional(),
  process: z.record(modelName, processEntry).optional(),
  models: z.record(modelName, z.record(fieldName, fieldDefinition)),
});
export type DataSchema = z.infer<typeof dataSchema>;

/**
 * What the server judges beyond the schema's shape (the document marks the field so): its size,
 * and that each model can name its items and `process` names only models.
 */
export function dataSchemaProblems(schema: DataSchema): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (JSON.stringify(schema).length > MAX_SCHEMA_BYTES)
    problems.push({ path: "", message: `At most ${MAX_SCHEMA_BYTES} bytes as JSON` });
  const models = Object.entries(schema.models);
  if (models.length > MAX_MODELS) problems.push({ path: "models", message: `At most ${MAX_MODELS} models` });
  for (const [name, fields] of models) {
    if (Object.keys(fields).length > MAX_FIELDS)
      problems.push({ path: `models.${name}`, message: `At most ${MAX_FIELDS} fields` });
    const sk = fields.sk?.value;
    const unknown = sk ? templateFields(sk).filter((f) => !fields[f] && f !== "accountId" && f !== "deviceId") : [];
    if (unknown.length)
      problems.push({
        path: `models.${name}.sk`,
        message: `The sk template names fields the model lacks: ${unknown.join(", ")}`,
      });
    if (!sk && !fields.id)
      problems.push({
        path: `models.${name}`,
        message: "A model needs an sk with a value template, or an id field, to name its items",
      });
  }
  for (const name of Object.keys(schema.process ?? {})) {
    if (!schema.models[name] && !(BUILT_IN_MODELS as readonly string[]).includes(name))
      problems.push({ path: `process.${name}`, message: "No model of this name" });
  }
  return problems;
}
