import { z } from "zod";
import { descriptionField, idField, nameField, timestamp } from "./common";
import { defineList, defineVerb } from "./verb";

export const deviceState = z.enum(["registered", "claimed", "provisioned"]);
export const deviceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  model: z.string(),
  product: z.string(),
  productId: z.string(),
  accountId: z.string().nullable(),
  test: z.boolean(),
  version: z.string(),
  checked: z.string(),
  state: deviceState,
  connection: z.enum(["online", "offline"]),
  registered: timestamp,
  created: timestamp.nullable(),
  accessed: timestamp.nullable(),
  updated: timestamp,
});
export type DeviceView = z.infer<typeof deviceView>;

/** The ID a person types from a label, as stored: any case, spaces and dashes allowed. */
export const normaliseClaimId = (typed: string) =>
  typed
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "");

const optionalText = z.string().max(1000).optional();

// builder/device/register — the agent's first contact, with the product token (device caller:
// unknown fields of its configuration are ignored, the answer is bare)
export const registerDevice = defineVerb({
  controller: "device",
  verb: "register",
  summary: "Register a device in the unclaimed pool (the Ioto agent's first contact)",
  allow: ["product"],
  answer: "bare",
  ignoreUnknown: true,
  // The agent may send its product token in the body instead of an Authorization header.
  credentialField: "product",
  // Each device ID, as claim reads it, registers at most REGISTER_RATE_PER_MINUTE times a minute:
  // its dash and case variants are one device and share one limit.
  limit: { rate: "register", per: (input) => normaliseClaimId(input.id) },
  input: {
    id: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, dashes and underscores only"),
    product: z
      .string()
      .max(200)
      .optional()
      .describe("The product token, for agents that send it here rather than in Authorization"),
    name: optionalText,
    description: optionalText,
    model: optionalText,
    test: z.boolean().optional(),
    version: z.string().max(100).optional(),
  },
  // The claimed answer first: a union takes the first match, and {registered} alone would strip it.
  output: z.union([
    z.object({
      registered: z.literal(true),
      id: z.string(),
      api: z.string(),
      token: z.string(),
      accountId: z.string(),
      cloudType: z.literal("hosted"),
      cloudName: z.string(),
      cloudRegion: z.string(),
    }),
    z.strictObject({ registered: z.literal(true) }),
  ]),
});

// device/claim — take an unclaimed device into the caller's account (claimDevice)
export const claimDevice = defineVerb({
  controller: "device",
  verb: "claim",
  summary: "Claim a device by the ID printed on its label",
  allow: ["user"],
  input: { id: z.string().max(200), test: z.boolean().optional() },
  output: deviceView,
});

export const findDevices = defineList({
  controller: "device",
  verb: "find",
  summary: "List the account's devices",
  allow: ["viewer"],
  item: deviceView,
  filters: {
    id: "string",
    productId: "string",
    name: "string",
    model: "string",
    state: ["registered", "claimed", "provisioned"],
    connection: ["online", "offline"],
    test: "boolean",
    created: "date",
    accessed: "date",
  },
  textFields: ["id", "name", "description", "model"],
  sortable: { id: "string", name: "string", state: "string", connection: "string", accessed: "date?", created: "date" },
});

export const getDevice = defineVerb({
  controller: "device",
  verb: "get",
  summary: "Get a device of the account",
  allow: ["viewer"],
  input: { id: idField },
  output: deviceView,
});

export const updateDevice = defineVerb({
  controller: "device",
  verb: "update",
  summary: "Rename or describe a device",
  allow: ["admin"],
  input: { id: idField, name: nameField.optional(), description: descriptionField.optional() },
  output: deviceView,
});

// device/release — back to the pool; its tokens die at once (releaseDevice)
export const releaseDevice = defineVerb({
  controller: "device",
  verb: "release",
  summary: "Release a device back to the unclaimed pool",
  allow: ["admin"],
  input: { id: idField },
  output: deviceView,
});
