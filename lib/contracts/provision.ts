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
