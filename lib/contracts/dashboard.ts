import { z } from "zod";
import { idField, nameField, timestamp, trimmedText } from "./common";
import { dimensionSet, metricName, namespaceField, statisticField, DEFAULT_NAMESPACE } from "./metric";
import { defineList, defineVerb } from "./verb";

// A dashboard is a grid of widgets (docs/api.md#dashboard). Positions are grid cells: 12 columns,
// rows of a fixed height. A dimension value "${device}" stands for the device picked on the page,
// so one dashboard serves any device; "*" stands for every value, so a widget shows the fleet.

export const WIDGET_TYPES = ["graph", "gauge", "numeric", "table", "alerts", "text"] as const;
export const GRID_COLUMNS = 12;
/** The placeholder a widget's dimension value may hold for the device chosen on the page. */
export const PICKED_DEVICE = "${device}";
/** A widget's dimension value that stands for every value with data: {"Device": "*"} is each device's series. */
export const EVERY_VALUE = "*";
/** At most this many series a widget draws once `*` is expanded (metric/fetch takes 32 items). */
export const MAX_WIDGET_SERIES = 32;

export const widgetSchema = z.strictObject({
  id: z.string().min(1).max(64),
  type: z.enum(WIDGET_TYPES),
  title: trimmedText(100, { required: false }).default(""),
  top: z.number().int().min(0).max(1000),
  left: z
    .number()
    .int()
    .min(0)
    .max(GRID_COLUMNS - 1),
  width: z.number().int().min(1).max(GRID_COLUMNS),
  height: z.number().int().min(1).max(24),
  namespace: namespaceField.default(DEFAULT_NAMESPACE),
  metric: metricName.optional(),
  /** Each set is one series: a graph may draw several devices' series. */
  dimensions: z.array(dimensionSet).max(16).default([{}]),
  statistic: statisticField.default("avg"),
  units: z.string().max(20).default(""),
  /** Gauges: the scale. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Text widgets: what they say. */
  text: z.string().max(4000).optional(),
  /** A range of its own instead of the dashboard's (seconds back from now). */
  range: z.strictObject({ period: z.number().int().min(60).max(315_360_000) }).optional(),
});
export type Widget = z.output<typeof widgetSchema>;

// Checks no schema can state (the time zone is known, widget IDs are unique) are the service's
// (lib/services/dashboards.ts): the document marks the fields, and the contract admits what it does.
export const dashboardRange = z
  .strictObject({
    period: z.number().int().min(60).max(315_360_000).default(86_400).describe("Seconds shown, back from now"),
    refresh: z.number().int().min(0).max(86_400).default(0).describe("Seconds between refreshes; 0 is off"),
    timezone: z.string().max(64).default("local").describe("`local` (the browser's), `UTC` or an IANA name"),
  })
  .meta({ "x-server-judged": "a time zone the server knows" });

export const dashboardView = z.object({
  id: z.string(),
  name: z.string(),
  range: dashboardRange,
  widgets: z.array(widgetSchema),
  created: timestamp,
  updated: timestamp,
});
export type DashboardView = z.infer<typeof dashboardView>;

const widgetsField = z
  .array(widgetSchema)
  .max(64)
  .describe("Each with an ID of its own")
  .meta({ "x-server-judged": "unique widget IDs" });

export const findDashboards = defineList({
  controller: "dashboard",
  verb: "find",
  summary: "List the account's dashboards",
  allow: ["viewer"],
  item: dashboardView,
  filters: { id: "string", name: "string", created: "date" },
  textFields: ["name"],
  sortable: { name: "string" },
});

export const getDashboard = defineVerb({
  controller: "dashboard",
  verb: "get",
  summary: "Get a dashboard",
  allow: ["viewer"],
  input: { id: idField },
  output: dashboardView,
});

export const createDashboard = defineVerb({
  controller: "dashboard",
  verb: "create",
  summary: "Create a dashboard",
  allow: ["admin"],
  input: { name: nameField, range: dashboardRange.optional(), widgets: widgetsField.optional() },
  output: dashboardView,
});

export const updateDashboard = defineVerb({
  controller: "dashboard",
  verb: "update",
  summary: "Rename a dashboard, or replace its range or widgets",
  allow: ["admin"],
  input: {
    id: idField,
    name: nameField.optional(),
    range: dashboardRange.optional(),
    widgets: widgetsField.optional(),
  },
  output: dashboardView,
});

export const removeDashboard = defineVerb({
  controller: "dashboard",
  verb: "remove",
  summary: "Remove a dashboard",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});
