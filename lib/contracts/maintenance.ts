import { z } from "zod";
import { idField, timestamp, trimmedText } from "./common";
import { defineList, defineVerb } from "./verb";

// Maintenance windows (+, decision 017): alerts of a device, a product or the whole account raised
// between `starts` and `until` are recorded, marked silenced, and act on nothing.

export const MAINTENANCE_SCOPES = ["device", "product", "account"] as const;

export const maintenanceView = z.object({
  id: z.string(),
  scope: z.enum(MAINTENANCE_SCOPES),
  targetId: z.string().describe("The device's or product's ID; empty for the account"),
  starts: timestamp,
  until: timestamp,
  reason: z.string(),
  createdBy: z.string(),
  active: z.boolean().describe("Whether it silences alerts now"),
  created: timestamp,
});
export type MaintenanceView = z.infer<typeof maintenanceView>;

export const findMaintenance = defineList({
  controller: "maintenance",
  verb: "find",
  summary: "List the account's maintenance windows",
  allow: ["viewer"],
  item: maintenanceView,
  filters: { scope: MAINTENANCE_SCOPES, targetId: "string", until: "date", starts: "date", created: "date" },
  textFields: ["reason", "targetId"],
  sortable: { until: "date" },
  defaultOrder: "DESC",
});

export const createMaintenance = defineVerb({
  controller: "maintenance",
  verb: "create",
  summary: "Silence alerts of a device, a product or the account until a time",
  allow: ["admin"],
  input: {
    scope: z.enum(MAINTENANCE_SCOPES),
    targetId: trimmedText(64, { required: false })
      .default("")
      .describe("Required for device and product")
      .meta({ "x-server-judged": "required for device and product, empty for account" }),
    starts: timestamp.optional().describe("Default: now").meta({ "x-server-judged": "within a year of now" }),
    until: timestamp
      .describe("After starts, and within a year")
      .meta({ "x-server-judged": "after starts and now, within a year" }),
    reason: trimmedText(500),
  },
  output: maintenanceView,
});

export const removeMaintenance = defineVerb({
  controller: "maintenance",
  verb: "remove",
  summary: "End and remove a maintenance window",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});
