import { z } from "zod";
import { idField, timestamp } from "./common";
import { defineVerb } from "./verb";

// Provisioning (decision 013): the agent's certificate and credentials, under both names it knows
// them by (device/provision = provision/getCerts, device/getCreds = provision/getCreds). Device
// callers: unknown fields are ignored and the answer is bare.

const provisionInput = { id: idField };
const provisioned = z.object({
  id: z.string(),
  accountId: z.string(),
  certificate: z.string().describe("The device's client certificate (PEM); its subject CN is the device ID"),
  key: z.string().describe("The certificate's private key (PEM), answered once and never kept"),
  endpoint: z.string().describe("The MQTT broker's host name (MQTT_HOST)"),
  port: z.number().int(),
  thing: z.string(),
  cloudType: z.literal("hosted"),
  cloudName: z.string(),
  cloudRegion: z.string(),
});

const provisionVerb = (controller: "device" | "provision", verb: "provision" | "getCerts") =>
  defineVerb({
    controller,
    verb,
    summary: "Issue the calling device a client certificate for the MQTT broker",
    allow: ["device"],
    answer: "bare",
    ignoreUnknown: true,
    input: provisionInput,
    output: provisioned,
  });

export const provisionDevice = provisionVerb("device", "provision");
export const getCerts = provisionVerb("provision", "getCerts");

const credentials = z.object({
  accessKeyId: z.string().describe("Names the credential (the session token's ID)"),
  secretAccessKey: z.string().describe("The session token again: Fleetport's credentials are bearer tokens"),
  sessionToken: z.string().describe("A device token valid until `expires`"),
  expires: timestamp,
  region: z.string(),
});

const credentialsVerb = (controller: "device" | "provision") =>
  defineVerb({
    controller,
    verb: "getCreds",
    summary: "Issue the calling device short-lived credentials",
    allow: ["device"],
    answer: "bare",
    ignoreUnknown: true,
    input: {},
    output: credentials,
  });

export const getDeviceCreds = credentialsVerb("device");
export const getProvisionCreds = credentialsVerb("provision");

export const certificateView = z.object({
  serial: z.string(),
  notBefore: timestamp,
  notAfter: timestamp,
  revoked: timestamp.nullable(),
  created: timestamp,
});

// device/getCertificates (+) — what the portal shows of a device's certificates
export const getDeviceCertificates = defineVerb({
  controller: "device",
  verb: "getCertificates",
  summary: "List the client certificates issued to a device in this account, newest first (at most 100)",
  allow: ["viewer"],
  input: { id: idField },
  output: z.array(certificateView),
});

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
