import type { ActionView } from "@/lib/contracts/action";
import type { DimensionSet, Statistic } from "@/lib/contracts/metric";
import { BUILDER_OPS, builtConditionOf } from "./condition-builder";
import { presetLabel } from "./schedule-presets";

// An action in words, for the list and the action's page: "When the average temperature over
// 5 min is above 30 for 2 min (each device)", "raise a critical alert".

type Settings = Pick<
  ActionView,
  | "trigger"
  | "metric"
  | "dimensions"
  | "statistic"
  | "period"
  | "expression"
  | "clear"
  | "hold"
  | "deviceId"
  | "schedule"
  | "timezone"
  | "minSeverity"
  | "type"
  | "destination"
  | "severity"
  | "args"
>;

const STATISTIC_WORDS: Record<Statistic, string> = {
  avg: "average",
  min: "minimum",
  max: "maximum",
  sum: "sum of",
  count: "count of",
  current: "latest",
};

/** Seconds as a person says them: "30 s", "2 min", "1 h 30 min", "2 days". */
export function durationWords(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [
    days && `${days} ${days === 1 ? "day" : "days"}`,
    hours && `${hours} h`,
    minutes && `${minutes} min`,
  ].filter(Boolean);
  return parts.join(" ");
}

/** Which series a metric trigger watches. */
export function seriesWords(dimensions: DimensionSet): string {
  const entries = Object.entries(dimensions);
  if (entries.length === 0) return "the account-wide series";
  if (entries.length === 1 && entries[0]![0] === "Device")
    return entries[0]![1] === "*" ? "each device" : `device ${entries[0]![1]}`;
  return entries.map(([name, value]) => `${name} ${value === "*" ? "each" : value}`).join(", ");
}

function conditionWords(expression: string): string {
  const built = builtConditionOf(expression, "");
  if (!built) return `meets “${expression}”`;
  const op = BUILDER_OPS.find((one) => one.value === built.op)!.label.replace(/ \(.+\)$/, "");
  return `${op} ${built.threshold}`;
}

/** What fires the action, in words. */
export function triggerWords(action: Settings): string {
  switch (action.trigger) {
    case "metric": {
      const held = action.hold > 0 ? ` for ${durationWords(action.hold)}` : "";
      return (
        `When the ${STATISTIC_WORDS[action.statistic]} ${action.metric || "(no metric)"} over ` +
        `${durationWords(action.period)} ${conditionWords(action.expression)}${held} (${seriesWords(action.dimensions)})`
      );
    }
    case "device":
      return `When ${action.deviceId ? `device ${action.deviceId}` : "a device"} is offline for ${durationWords(action.hold)}`;
    case "schedule": {
      const preset = presetLabel(action.schedule);
      return `${preset ?? `On the schedule “${action.schedule}”`} (${action.timezone})`;
    }
    case "alert":
      return action.minSeverity
        ? `When an alert of severity ${action.minSeverity}${action.minSeverity === "critical" ? "" : " or worse"} is raised`
        : "When any alert is raised";
    case "manual":
      return "When run by hand (Invoke now, or action/invoke)";
    case "http":
      return "When its webhook is called";
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** What the action does when it fires, in words. */
export function stepWords(action: Settings): string {
  const target = action.destination || "the trigger's device";
  switch (action.type) {
    case "alert":
      return `raise ${action.severity === "info" || action.severity === "error" ? "an" : "a"} ${action.severity} alert`;
    case "resolve":
      return text(action.args.seq)
        ? `resolve the alert ${text(action.args.seq)}`
        : `resolve the alert of ${text(action.args.action) || "(no action)"}`;
    case "http":
      return `POST a webhook to ${action.destination || "(no URL)"}`;
    case "email":
      return `email ${action.destination || "(no address)"}`;
    case "device":
      return `send the command ${text(action.args.command) || "(none)"} to ${target}`;
    case "database":
      return `set ${text(action.args.key) || "(no key)"} in the Store of ${target}`;
    case "metric":
      return `record the metric ${text(action.args.metric) || "(none)"}`;
  }
}
