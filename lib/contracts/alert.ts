import { z } from "zod";
import { descriptionField, idField, nameField, timestamp, trimmedText } from "./common";
import { defineList, defineVerb } from "./verb";

// Alerts (docs/api.md#alert, decision 017): something wrong with a device or the fleet, raised by
// an action, the system or an admin. A repeat of an unresolved alert's `seq` raises its `count`
// instead of adding an alert.

export const SEVERITIES = ["info", "warning", "error", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Severities by rank: a trigger on "error" fires for error and critical. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const severityField = z.enum(SEVERITIES);
/** What an alert was raised with, as JSON: the value, the metric, the run. */
export const alertContext = z.record(z.string(), z.unknown());

export const alertView = z.object({
  id: z.string(),
  deviceId: z.string().nullable(),
  name: z.string(),
  subject: z.string(),
  message: z.string(),
  severity: severityField,
  seq: z.string(),
  count: z.number().int(),
  state: z.enum(ALERT_STATES),
  resolved: z.boolean(),
  resolvedAt: timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  acknowledged: z.boolean(),
  acknowledgedAt: timestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  /** The maintenance window it fell in: recorded, and no action was told of it. */
  silenced: z.boolean(),
  silencedBy: z.string().nullable(),
  actionId: z.string().nullable(),
  context: alertContext,
  created: timestamp,
  updated: timestamp,
});
export type AlertView = z.infer<typeof alertView>;

export const findAlerts = defineList({
  controller: "alert",
  verb: "find",
  summary: "List the account's alerts, newest first",
  allow: ["viewer"],
  item: alertView,
  filters: {
    id: "string",
    deviceId: "string",
    name: "string",
    severity: SEVERITIES,
    state: ALERT_STATES,
    seq: "string",
    actionId: "string",
    created: "date",
    updated: "date",
  },
  textFields: ["name", "subject", "message", "deviceId"],
  sortable: { updated: "date" },
  defaultOrder: "DESC",
});

export const getAlert = defineVerb({
  controller: "alert",
  verb: "get",
  summary: "Get an alert",
  allow: ["viewer"],
  input: { id: idField },
  output: alertView,
});

export const createAlert = defineVerb({
  controller: "alert",
  verb: "create",
  summary: "Raise an alert; a repeat of an unresolved alert's seq raises its count",
  allow: ["admin"],
  input: {
    name: nameField,
    deviceId: idField.optional().describe("The device it concerns: a device of the account"),
    subject: trimmedText(200, { required: false }).default(""),
    message: descriptionField.default(""),
    severity: severityField.default("warning"),
    seq: trimmedText(200, { required: false })
      .default("")
      .describe("De-duplication key: an unresolved alert with it is counted again instead"),
    context: alertContext.optional(),
  },
  output: alertView,
});

/** acknowledged, resolved: true records who and when, false takes it back; one of them is required. */
const decision = z.boolean().optional().meta({ "x-server-judged": "acknowledged or resolved is required" });

export const updateAlert = defineVerb({
  controller: "alert",
  verb: "update",
  summary: "Acknowledge or resolve an alert (false reopens it)",
  allow: ["user"],
  input: { id: idField, acknowledged: decision, resolved: decision },
  output: alertView,
});

export const updateAlerts = defineVerb({
  controller: "alert",
  verb: "updateMany",
  summary: "Acknowledge or resolve several alerts at once (+)",
  allow: ["user"],
  input: {
    ids: z.array(idField).min(1).max(500),
    acknowledged: decision,
    resolved: decision,
  },
  output: z.object({ updated: z.number().int(), ids: z.array(z.string()) }),
});

export const removeAlert = defineVerb({
  controller: "alert",
  verb: "remove",
  summary: "Remove an alert",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});

export const alertSummary = defineVerb({
  controller: "alert",
  verb: "summary",
  summary: "Unresolved alerts by severity (+): the navigation's badge and the dashboard's widget",
  allow: ["viewer"],
  input: {},
  output: z.object({
    open: z.number().int().describe("Unresolved and not silenced"),
    bySeverity: z.record(severityField, z.number().int()),
    silenced: z.number().int(),
  }),
});
