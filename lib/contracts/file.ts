import { z } from "zod";
import { idField, timestamp } from "./common";
import { defineList, defineVerb } from "./verb";

// The file store (decision 016): devices store files through signed URLs; people read them.
// Contracts reach the browser's bundle: nothing here imports server code (the signer imports this).

export const FILE_COMMANDS = ["get", "put", "delete"] as const;
export type FileCommand = (typeof FILE_COMMANDS)[number];

/** The most a device stores in one file; a put asks for at most this. */
export const MAX_DEVICE_FILE_BYTES = 100 * 1024 * 1024;

/** A name, not a path: the store never builds a path from it (any text without control characters). */
export const filenameField = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\u0000-\u001f\u007f]+$/, "No control characters");

/** type/subtype, as Content-Type states it without parameters; kept in lower case. */
export const mimeTypeField = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/, "A media type such as image/jpeg")
  .toLowerCase();

/**
 * Bytes, at most `max`; the Ioto agent sends the number as text ("size": "1234"). Text is limited
 * to one digit fewer than `max` has, so the document states exactly what is accepted.
 */
export function byteCount(max: number) {
  const digits = String(max).length - 1;
  return z
    .union([
      z.number().int().min(0).max(max),
      z.string().regex(new RegExp(`^\\d{1,${digits}}$`), `A whole number of bytes, at most ${digits} digits`),
    ])
    .transform(Number);
}

const signedUrlInput = {
  id: idField.describe("The device's ID"),
  command: z.enum(FILE_COMMANDS),
  filename: filenameField,
  mimeType: mimeTypeField
    .optional()
    .describe("put: the Content-Type the upload must carry (application/octet-stream when absent)"),
  size: byteCount(MAX_DEVICE_FILE_BYTES)
    .optional()
    .describe(`put: the most bytes the upload may carry (${MAX_DEVICE_FILE_BYTES} when absent)`),
};

const signedUrlVerb = (controller: "device" | "file") =>
  defineVerb({
    controller,
    verb: "getSignedUrl",
    summary: "A URL to get, put or delete one file of a device, valid minutes; devices for themselves, people get only",
    allow: ["viewer", "device"],
    answer: "bare",
    ignoreUnknown: true,
    input: signedUrlInput,
    output: z.string().describe("The signed URL, needing no other credential"),
  });

// device/getSignedUrl and file/getSignedUrl: one verb under both names the agent uses (docs/api.md, "Files and firmware").
export const deviceSignedUrl = signedUrlVerb("device");
export const fileSignedUrl = signedUrlVerb("file");

export const storedFileView = z.object({
  id: z.string(),
  deviceId: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  created: timestamp,
  updated: timestamp,
  url: z.string().describe("A signed URL that reads the file, valid minutes"),
});

export const findFiles = defineList({
  controller: "file",
  verb: "find",
  summary: "List the files devices stored, each with a signed URL that reads it",
  allow: ["viewer"],
  item: storedFileView,
  filters: { id: "string", deviceId: "string", filename: "string", mimeType: "string", created: "date" },
  textFields: ["filename"],
  sortable: { filename: "string", updated: "date" },
});

export const removeFile = defineVerb({
  controller: "file",
  verb: "remove",
  summary: "Delete a stored file",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});
