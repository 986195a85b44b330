import { z } from "zod";
import { VERSION_PATTERN } from "../firmware/version";
import { byteCount, filenameField } from "./file";
import { idField, timestamp } from "./common";
import { defineList, defineVerb } from "./verb";

// Firmware releases per product and the update reports of devices (decision 016). The owner makes a
// release by asking for a signed upload URL and putting the image there; the release exists once
// the image has arrived whole, with its checksum computed by the server.

/** The largest image a release may have. */
export const MAX_IMAGE_BYTES = 1024 * 1024 * 1024;

export const versionField = z
  .string()
  .max(64)
  .regex(VERSION_PATTERN, "A version such as 1.2.3 (up to four numbers, then -pre-release and +build if any)");

export const createFirmware = defineVerb({
  controller: "firmware",
  verb: "create",
  summary: "Start a firmware release: answers a signed URL to PUT its image to, which completes it",
  allow: ["owner"],
  input: {
    productId: idField,
    version: versionField,
    size: byteCount(MAX_IMAGE_BYTES)
      .optional()
      .describe(`The most bytes the image may have (${MAX_IMAGE_BYTES} when absent)`),
    filename: filenameField
      .optional()
      .describe("The image's name as shown in lists (firmware-<version>.bin when absent)"),
  },
  output: z.object({
    productId: z.string(),
    version: z.string(),
    url: z.string().describe("PUT the image here (Content-Type application/octet-stream), within the hour"),
    expires: timestamp,
  }),
});

export const firmwareView = z.object({
  id: z.string(),
  productId: z.string(),
  version: z.string(),
  checksum: z.string().describe("Lower-case hex SHA-256 of the image"),
  size: z.number().int(),
  filename: z.string(),
  created: timestamp,
});

export const findFirmware = defineList({
  controller: "firmware",
  verb: "find",
  summary: "List the firmware releases of the account's products, or of one product",
  allow: ["owner"],
  input: { productId: idField.optional() },
  item: firmwareView,
  filters: { id: "string", version: "string", created: "date" },
  textFields: ["version", "filename"],
  sortable: { version: "string" },
});

export const removeFirmware = defineVerb({
  controller: "firmware",
  verb: "remove",
  summary: "Remove a firmware release and its image; devices are no longer offered it",
  allow: ["owner"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});

export const deviceUpdateView = z.object({
  deviceId: z.string(),
  name: z.string(),
  productId: z.string(),
  report: z
    .object({ version: z.string(), success: z.boolean(), created: timestamp })
    .nullable()
    .describe("The device's latest update report, if it sent one"),
});

export const firmwareReports = defineList({
  controller: "firmware",
  verb: "reports",
  summary: "The account's devices, each with its latest update report",
  allow: ["viewer"],
  item: deviceUpdateView,
  filters: { id: "string", productId: "string", created: "date" },
  textFields: ["id", "name"],
});
