import { z } from "zod";
import { idField } from "./common";
import { defineVerb } from "./verb";

// Provision update and updateReport: the device asks for newer firmware and reports how applying
// it went (decision 016). Device callers: bare answers, unknown fields of their configuration ignored.

export const updateProvision = defineVerb({
  controller: "provision",
  verb: "update",
  summary: "Newer firmware for the calling device's product: {} when there is none",
  allow: ["device"],
  answer: "bare",
  ignoreUnknown: true,
  input: {
    id: idField.describe("The device's ID"),
    version: z.string().max(100).describe("The version the device runs"),
  },
  // The offer first: a union takes its first match, and {} would strip an offer to nothing.
  output: z.union([
    z.object({
      update: z.string().describe("The version offered, as updateReport's update names it"),
      version: z.string(),
      url: z.string().describe("A signed URL that reads the image without credentials"),
      checksum: z.string().describe("Lower-case hex SHA-256 of the image"),
    }),
    z.strictObject({}),
  ]),
});

export const updateReport = defineVerb({
  controller: "provision",
  verb: "updateReport",
  summary: "Record how applying an update went on the calling device",
  allow: ["device"],
  answer: "bare",
  ignoreUnknown: true,
  input: {
    id: idField.describe("The device's ID"),
    update: z.string().min(1).max(100).describe("The version applied: update's `update`"),
    success: z.boolean(),
  },
  output: z.object({ id: z.string(), version: z.string(), success: z.boolean() }),
});
