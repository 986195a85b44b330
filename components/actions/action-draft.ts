import { actionSettings, type ActionView, type StepType, type Trigger } from "@/lib/contracts/action";
import type { Severity } from "@/lib/contracts/alert";
import { DEFAULT_NAMESPACE, type DimensionSet, type Statistic } from "@/lib/contracts/metric";
import { builtConditionOf, conditionProblem, conditionTexts, type BuiltCondition } from "./condition-builder";

// The action form's state (text as typed, minutes where people think in minutes) and the action
// settings it stands for (lib/contracts/action.ts). Problems found before sending are keyed by the
// API's own field names, so they show where the API's would.

export interface ActionDraft {
  name: string;
  description: string;
  enable: boolean;
  trigger: Trigger;
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  statistic: Statistic;
  periodMinutes: string;
  /** The condition typed in the grammar rather than built from an operator and a threshold. */
  advanced: boolean;
  built: BuiltCondition;
  expression: string;
  clear: string;
  /** Metric: how long the condition holds; device: how long the device is offline. */
  holdMinutes: string;
  deviceId: string | null;
  schedule: string;
  timezone: string;
  minSeverity: Severity | "";
  type: StepType;
  destination: string;
  message: string;
  severity: Severity;
  /** device steps */
  command: string;
  commandArgs: string;
  /** database steps */
  storeKey: string;
  storeValue: string;
  storeType: "string" | "number" | "boolean";
  /** metric steps */
  metricName: string;
  metricValue: string;
  /** resolve steps: the action whose alert it resolves, or the alert's seq */
  resolveAction: string;
  resolveSeq: string;
  rearmMinutes: string;
  /** The arguments the form has no fields for (an alert step's seq…): kept as they were. */
  otherArgs: Record<string, unknown>;
  poll: number;
}

export const EVERY_DEVICE: DimensionSet = { Device: "*" };

const minutes = (seconds: number) => String(Math.round((seconds / 60) * 100) / 100);
const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A new action: "when the average of a metric over 5 min is above a threshold on any device, raise a warning". */
export function newDraft(): ActionDraft {
  return {
    name: "",
    description: "",
    enable: true,
    trigger: "metric",
    namespace: DEFAULT_NAMESPACE,
    metric: "",
    dimensions: EVERY_DEVICE,
    statistic: "avg",
    periodMinutes: "5",
    advanced: false,
    built: { op: ">", threshold: "", clearThreshold: "" },
    expression: "",
    clear: "",
    holdMinutes: "0",
    deviceId: null,
    schedule: "0 9 * * *",
    timezone: browserZone(),
    minSeverity: "warning",
    type: "alert",
    destination: "",
    message: "",
    severity: "warning",
    command: "",
    commandArgs: "",
    storeKey: "",
    storeValue: "",
    storeType: "string",
    metricName: "",
    metricValue: "",
    resolveAction: "",
    resolveSeq: "",
    rearmMinutes: "0",
    otherArgs: {},
    poll: 60,
  };
}

/** The form's state for an action as stored. */
export function draftOf(action: ActionView): ActionDraft {
  const built = action.trigger === "metric" ? builtConditionOf(action.expression, action.clear) : null;
  const { command, args, key, value, type, metric, seq, action: raiser, ...otherArgs } = action.args;
  const managed = action.type !== "alert" && action.type !== "http" && action.type !== "email";
  return {
    ...newDraft(),
    name: action.name,
    description: action.description,
    enable: action.enable,
    trigger: action.trigger,
    namespace: action.namespace,
    metric: action.metric,
    dimensions: action.dimensions,
    statistic: action.statistic,
    periodMinutes: minutes(action.period),
    advanced: action.trigger === "metric" && !built,
    built: built ?? { op: ">", threshold: "", clearThreshold: "" },
    expression: action.expression,
    clear: action.clear,
    holdMinutes: minutes(action.hold),
    deviceId: action.deviceId,
    schedule: action.schedule || "0 9 * * *",
    timezone: action.timezone,
    minSeverity: action.minSeverity || "warning",
    type: action.type,
    destination: action.destination,
    message: action.message,
    severity: action.severity,
    command: action.type === "device" ? text(command) : "",
    commandArgs: action.type === "device" && args !== undefined ? JSON.stringify(args) : "",
    storeKey: action.type === "database" ? text(key) : "",
    storeValue: action.type === "database" ? text(value) : "",
    storeType: type === "number" || type === "boolean" ? type : "string",
    metricName: action.type === "metric" ? text(metric) : "",
    metricValue: action.type === "metric" ? text(value) : "",
    resolveAction: action.type === "resolve" ? text(raiser) : "",
    resolveSeq: action.type === "resolve" ? text(seq) : "",
    rearmMinutes: minutes(action.rearm),
    otherArgs: managed ? otherArgs : action.args,
    poll: action.poll,
  };
}

/** The grammar's text of the metric condition and clear, from the builder or the advanced fields. */
export function conditionOf(draft: ActionDraft): { expression: string | null; clear: string | null } {
  return draft.advanced ? { expression: draft.expression, clear: draft.clear } : conditionTexts(draft.built);
}

/** Minutes typed, as whole seconds; null when not a number of minutes from `least`. */
function secondsOf(typed: string, least: number): number | null {
  const value = Number(typed.trim());
  if (typed.trim() === "" || !Number.isFinite(value)) return null;
  const seconds = Math.round(value * 60);
  return seconds >= least ? seconds : null;
}

type Problems = Record<string, string>;

function stepArgs(draft: ActionDraft, problems: Problems): Record<string, unknown> {
  switch (draft.type) {
    case "device": {
      if (!draft.command.trim()) problems["args.command"] = "Name the command the device knows, e.g. reboot";
      let args: unknown;
      if (draft.commandArgs.trim()) {
        try {
          args = JSON.parse(draft.commandArgs);
        } catch {
          problems["args.args"] = 'Arguments are JSON, e.g. {"delay": 5}';
        }
      }
      return { ...draft.otherArgs, command: draft.command.trim(), ...(args === undefined ? {} : { args }) };
    }
    case "database": {
      if (!draft.storeKey.trim()) problems["args.key"] = "Name the Store key to set";
      const value =
        draft.storeType === "number"
          ? Number(draft.storeValue)
          : draft.storeType === "boolean"
            ? draft.storeValue === "true"
            : draft.storeValue;
      if (draft.storeType === "number" && (draft.storeValue.trim() === "" || !Number.isFinite(value)))
        problems["args.value"] = "A number, e.g. 21.5";
      return { ...draft.otherArgs, key: draft.storeKey.trim(), value, type: draft.storeType };
    }
    case "metric": {
      if (!draft.metricName.trim()) problems["args.metric"] = "Name the metric to record";
      const value = Number(draft.metricValue);
      if (draft.metricValue.trim() === "" || !Number.isFinite(value)) problems["args.value"] = "A number, e.g. 1";
      return { ...draft.otherArgs, metric: draft.metricName.trim(), value };
    }
    case "resolve": {
      const seq = draft.resolveSeq.trim();
      const raiser = draft.resolveAction.trim();
      if (!seq && !raiser) problems["args.seq"] = "Pick the action whose alert it resolves, or give the alert's seq";
      return { ...draft.otherArgs, ...(seq ? { seq } : { action: raiser }) };
    }
    default:
      return draft.otherArgs;
  }
}

/**
 * The action's settings (create's and update's input, less the name) and the problems found
 * before sending, by the API's field names; the contract's own checks run again in the client.
 */
export function settingsOf(draft: ActionDraft) {
  const problems: Problems = {};
  const period = secondsOf(draft.periodMinutes, 60);
  const hold = secondsOf(draft.holdMinutes, 0);
  const rearm = secondsOf(draft.rearmMinutes, 0);
  if (draft.trigger === "metric" && period === null) problems.period = "At least 1 minute";
  if (draft.trigger === "metric" && hold === null) problems.hold = "A number of minutes; 0 fires at once";
  // The engine checks devices every poll: less than a minute offline would only report reconnects.
  if (draft.trigger === "device" && (hold === null || hold < 60)) problems.hold = "At least 1 minute, e.g. 10";
  if (rearm === null) problems.rearm = "A number of minutes; 0 never stays quiet";

  const condition = draft.trigger === "metric" ? conditionOf(draft) : { expression: "", clear: "" };
  if (draft.trigger === "metric") {
    if (!draft.metric.trim()) problems.metric = "Choose the metric to watch";
    const expressionProblem =
      condition.expression === null
        ? "The threshold is a number, e.g. 30"
        : conditionProblem(condition.expression, true);
    if (expressionProblem) problems.expression = expressionProblem;
    const clearProblem =
      condition.clear === null
        ? "A number, or empty to clear when the condition no longer holds"
        : conditionProblem(condition.clear, false);
    if (clearProblem) problems.clear = clearProblem;
  }
  if ((draft.type === "http" || draft.type === "email") && !draft.destination.trim())
    problems.destination = draft.type === "http" ? "The URL to POST to" : "At least one email address";
  const args = stepArgs(draft, problems);

  const settings = {
    description: draft.description,
    enable: draft.enable,
    trigger: draft.trigger,
    namespace: draft.namespace || DEFAULT_NAMESPACE,
    metric: draft.trigger === "metric" ? draft.metric.trim() : "",
    dimensions: draft.trigger === "metric" ? draft.dimensions : {},
    statistic: draft.statistic,
    period: period ?? 300,
    expression: condition.expression ?? "",
    clear: condition.clear ?? "",
    hold: draft.trigger === "metric" || draft.trigger === "device" ? (hold ?? 0) : 0,
    deviceId: draft.trigger === "device" ? draft.deviceId : null,
    schedule: draft.trigger === "schedule" ? draft.schedule.trim() : "",
    timezone: draft.timezone,
    minSeverity: draft.trigger === "alert" ? draft.minSeverity : "",
    poll: draft.poll,
    rearm: rearm ?? 0,
    type: draft.type,
    destination: draft.destination.trim(),
    message: draft.message,
    severity: draft.severity,
    args,
  } satisfies { [K in keyof typeof actionSettings]: unknown };
  return { settings, problems };
}
