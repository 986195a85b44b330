import { z } from "zod";
import { SEVERITIES, severityField } from "./alert";
import { descriptionField, idField, nameField, timestamp, trimmedText } from "./common";
import { dimensionSet, metricName, namespaceField, statisticField, DEFAULT_NAMESPACE } from "./metric";
import { defineList, defineVerb } from "./verb";

// Actions (docs/api.md#action, decision 018): when a trigger fires, do one step. Every field a
// trigger or step does not use keeps its default. Which fields each trigger and step needs, and
// that conditions parse and schedules are valid, is judged by the server (the document marks them).

export const TRIGGERS = ["manual", "metric", "alert", "schedule", "device", "http"] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const STEP_TYPES = ["alert", "resolve", "http", "email", "device", "database", "metric"] as const;
export type StepType = (typeof STEP_TYPES)[number];
export const RUN_OUTCOMES = ["queued", "running", "delivering", "succeeded", "failed", "skipped"] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** Seconds: a year is the longest period, hold, poll or rearm anyone means. */
const seconds = (min: number) => z.number().int().min(min).max(31_536_000);
/** A condition in the safe grammar (lib/actions/condition.ts), such as `value > 30`. */
const conditionText = trimmedText(500, { required: false }).meta({ "x-server-judged": "the condition grammar" });
const stepArgs = z.record(z.string(), z.unknown());

/** The fields of an action a person sets: one schema for create, update and the form's preview. */
export const actionSettings = {
  description: descriptionField,
  enable: z.boolean(),
  trigger: z.enum(TRIGGERS),
  namespace: namespaceField,
  metric: metricName
    .or(z.literal(""))
    .describe("metric trigger: the metric watched")
    .meta({ "x-server-judged": "required by a metric trigger" }),
  dimensions: dimensionSet.describe('The series watched; a value "*" watches each value\'s series on its own'),
  statistic: statisticField,
  period: seconds(60)
    .describe("Seconds the statistic is taken over")
    .meta({ "x-server-judged": "metric trigger: period and hold together at most 2 hours" }),
  expression: conditionText.describe("When it fires, e.g. `value > 30`"),
  clear: conditionText.describe("When it clears (hysteresis), e.g. `value < 28`; default: when `expression` is false"),
  hold: seconds(0)
    .describe("Seconds the condition (or a device being offline) must hold before it fires")
    .meta({ "x-server-judged": "at least 60 for a device trigger; metric trigger: with period at most 2 hours" }),
  deviceId: idField.nullable().describe("device trigger: one device; null watches every device"),
  schedule: trimmedText(100, { required: false })
    .describe("schedule trigger: a cron line, e.g. `0 9 * * 1-5`")
    .meta({ "x-server-judged": "a cron line" }),
  timezone: z.string().max(64).describe("Of the schedule").meta({ "x-server-judged": "a time zone" }),
  minSeverity: z
    .enum(SEVERITIES)
    .or(z.literal(""))
    .describe("alert trigger: the least severity that fires it")
    .meta({ "x-server-judged": "required by an alert trigger" }),
  poll: seconds(5).describe("Seconds between re-evaluations when no points arrive"),
  rearm: seconds(0).describe("Seconds of silence after firing: repeats within them are skipped"),
  type: z.enum(STEP_TYPES),
  destination: trimmedText(1000, { required: false })
    .describe("http: the URL; email: addresses, comma-separated; device, database: a device ID, default the trigger's")
    .meta({ "x-server-judged": "what the step type needs" }),
  message: trimmedText(4000, { required: false }).describe("A template: ${device}, ${value}, ${name}, ${metric}…"),
  severity: severityField.describe("alert steps: the alert's severity"),
  args: stepArgs
    .describe("device: {command, args}; database: {key, value, type}; metric: {metric, value, dimensions}")
    .meta({ "x-server-judged": "what the step type needs" }),
} as const;

const DEFAULTS = {
  description: "",
  enable: true,
  namespace: DEFAULT_NAMESPACE,
  metric: "",
  dimensions: {},
  statistic: "avg",
  period: 300,
  expression: "",
  clear: "",
  hold: 0,
  deviceId: null,
  schedule: "",
  timezone: "UTC",
  minSeverity: "",
  poll: 60,
  rearm: 0,
  destination: "",
  message: "",
  severity: "warning",
  args: {},
} as const satisfies Partial<Record<keyof typeof actionSettings, unknown>>;

const lastRun = z.object({ id: z.string(), outcome: z.enum(RUN_OUTCOMES), error: z.string(), created: timestamp });

export const actionView = z.object({
  id: z.string(),
  name: z.string(),
  ...actionSettings,
  description: z.string(),
  metric: z.string(),
  schedule: z.string(),
  destination: z.string(),
  message: z.string(),
  expression: z.string(),
  clear: z.string(),
  deviceId: z.string().nullable(),
  nextRun: timestamp.nullable(),
  lastRun: lastRun.nullable(),
  created: timestamp,
  updated: timestamp,
});
export type ActionView = z.infer<typeof actionView>;

/** Answered once, at create and when rotated: signs outbound webhooks and inbound http triggers. */
const withSecret = actionView.extend({ secret: z.string().describe("Shown once") });

export const findActions = defineList({
  controller: "action",
  verb: "find",
  summary: "List the account's actions with their last run",
  allow: ["viewer"],
  item: actionView,
  filters: { id: "string", name: "string", trigger: TRIGGERS, type: STEP_TYPES, enable: "boolean", created: "date" },
  textFields: ["name", "description"],
  sortable: { name: "string" },
});

export const getAction = defineVerb({
  controller: "action",
  verb: "get",
  summary: "Get an action",
  allow: ["viewer"],
  input: { id: idField },
  output: actionView,
});

const createShape = Object.fromEntries(
  Object.entries(actionSettings).map(([field, schema]) => [
    field,
    field in DEFAULTS ? (schema as z.ZodType).default(DEFAULTS[field as keyof typeof DEFAULTS]) : schema,
  ]),
) as {
  [K in keyof typeof actionSettings]: K extends keyof typeof DEFAULTS
    ? z.ZodDefault<(typeof actionSettings)[K]>
    : (typeof actionSettings)[K];
};

export const createAction = defineVerb({
  controller: "action",
  verb: "create",
  summary: "Create an action; answers its signing secret once",
  allow: ["admin"],
  input: { name: nameField, ...createShape },
  output: withSecret,
});

const optionalSettings = Object.fromEntries(
  Object.entries(actionSettings).map(([field, schema]) => [field, schema.optional()]),
) as { [K in keyof typeof actionSettings]: z.ZodOptional<(typeof actionSettings)[K]> };

export const updateAction = defineVerb({
  controller: "action",
  verb: "update",
  summary: "Change an action; rotateSecret answers a new secret once",
  allow: ["admin"],
  input: { id: idField, name: nameField.optional(), ...optionalSettings, rotateSecret: z.boolean().optional() },
  output: withSecret.partial({ secret: true }),
});

export const removeAction = defineVerb({
  controller: "action",
  verb: "remove",
  summary: "Remove an action and its run history",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});

export const runView = z.object({
  id: z.string(),
  actionId: z.string(),
  trigger: z.enum(TRIGGERS),
  deviceId: z.string().nullable(),
  context: z.record(z.string(), z.unknown()),
  outcome: z.enum(RUN_OUTCOMES),
  error: z.string(),
  created: timestamp,
  started: timestamp.nullable(),
  finished: timestamp.nullable(),
  duration: z.number().int().nullable().describe("Milliseconds from start to finish"),
});
export type RunView = z.infer<typeof runView>;

export const invokeAction = defineVerb({
  controller: "action",
  verb: "invoke",
  summary: "Run an action now, by name, with a context its message may use",
  allow: ["user"],
  input: { name: nameField, context: z.record(z.string(), z.unknown()).default({}) },
  output: runView,
});

export const actionRuns = defineList({
  controller: "action",
  verb: "runs",
  summary: "An action's runs, newest first: trigger, outcome, duration and error (+)",
  allow: ["viewer"],
  input: { id: idField },
  item: runView,
  filters: { outcome: RUN_OUTCOMES, trigger: TRIGGERS, deviceId: "string", created: "date" },
  textFields: ["error"],
  defaultOrder: "DESC",
});

export const previewAction = defineVerb({
  controller: "action",
  verb: "preview",
  summary: "How often a metric action would have fired over past days of data (+): the form's live preview",
  allow: ["viewer"],
  input: {
    namespace: actionSettings.namespace.default(DEFAULT_NAMESPACE),
    metric: metricName,
    dimensions: actionSettings.dimensions.default({}),
    statistic: actionSettings.statistic.default("avg"),
    period: actionSettings.period.default(300),
    expression: conditionText,
    clear: conditionText.default(""),
    hold: actionSettings.hold.default(0),
    rearm: actionSettings.rearm.default(0),
    days: z.number().int().min(1).max(30).default(7),
  },
  output: z.object({
    firings: z.number().int(),
    series: z.number().int().describe("Series evaluated"),
    samples: z.number().int().describe("Statistic values evaluated"),
    times: z
      .array(z.object({ timestamp: z.number(), value: z.number(), subject: z.string() }))
      .describe("Up to 100, oldest first"),
  }),
});
