import { parseCondition } from "../../actions/condition";
import { parseSchedule } from "../../actions/cron";
import { recipientsProblem, webhookUrlProblem } from "../../actions/deliveries/destinations";
import { METRIC_VARIABLES } from "../../actions/episode";
import { actionSettings } from "../../contracts/action";
import { metricName, metricValue } from "../../contracts/metric";
import type { ActionRecord } from "../../db/actions";
import { fieldsError, type FieldError } from "../../errors";
import { isKnownTimeZone } from "../../time";

// The checks of an action the contract leaves to the server (its document marks these fields):
// what each trigger and each step type needs, and that conditions and schedules read. An action
// is judged whole, as it would be saved, so an update that changes the trigger is held to the
// new trigger's needs (decision 019).

export type ActionSettings = Pick<ActionRecord, "name" | keyof typeof actionSettings>;

const SETTING_FIELDS: ReadonlyArray<keyof ActionSettings> = [
  "name",
  ...(Object.keys(actionSettings) as Array<keyof typeof actionSettings>),
];

/** The settings among `source`'s fields (a verb's input, a stored action), and nothing else. */
export function settingsIn<T extends Partial<ActionSettings>>(source: T): Pick<T, keyof ActionSettings> {
  return Object.fromEntries(SETTING_FIELDS.filter((field) => field in source).map((f) => [f, source[f]])) as Pick<
    T,
    keyof ActionSettings
  >;
}

/**
 * The engine keeps a minute bucket of every watched series for the period and the hold (decision
 * 018): two hours of them is 120 buckets, about 16 KB a series, so an action on each of 10,000
 * devices stays within 160 MB. Longer trends belong on a dashboard, not in a trigger.
 */
export const LONGEST_METRIC_REACH_SECONDS = 7200;

/** An offline check runs on the engine's poll: less than a minute would only report reconnects. */
const LEAST_OFFLINE_SECONDS = 60;

function conditionProblem(text: string, required: boolean): string | null {
  if (!text) return required ? "A metric trigger fires on a condition, e.g. value > 30" : null;
  const parsed = parseCondition(text, METRIC_VARIABLES);
  return parsed.ok ? null : parsed.message;
}

function triggerProblems(s: ActionSettings): FieldError[] {
  const problems: Array<[string, string | null]> = [
    ["expression", conditionProblem(s.expression, s.trigger === "metric")],
    ["clear", conditionProblem(s.clear, false)],
  ];
  if (s.trigger === "metric" && !s.metric) problems.push(["metric", "A metric trigger watches a metric: name it"]);
  if (s.trigger === "metric" && s.period + s.hold > LONGEST_METRIC_REACH_SECONDS)
    problems.push([
      s.hold > s.period ? "hold" : "period",
      `A metric trigger's period and hold together are at most ${LONGEST_METRIC_REACH_SECONDS / 3600} hours`,
    ]);
  if (s.trigger === "alert" && !s.minSeverity)
    problems.push(["minSeverity", "An alert trigger needs the least severity that fires it"]);
  if (s.trigger === "device" && s.hold < LEAST_OFFLINE_SECONDS)
    problems.push(["hold", `A device trigger fires after at least ${LEAST_OFFLINE_SECONDS} seconds offline`]);
  if (s.trigger === "schedule") {
    if (!isKnownTimeZone(s.timezone)) {
      problems.push(["timezone", `Unknown time zone ${JSON.stringify(s.timezone)}: use a name such as Europe/Paris`]);
    } else {
      const schedule = parseSchedule(s.schedule, s.timezone);
      if (!schedule.ok) problems.push(["schedule", schedule.message]);
    }
  }
  return problems.flatMap(([name, message]) => (message ? [{ name, message }] : []));
}

const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

function stepProblems(s: ActionSettings): FieldError[] {
  const { args } = s;
  const problems: Array<[string, string | null]> = [];
  if (s.type === "http") problems.push(["destination", webhookUrlProblem(s.destination)]);
  if (s.type === "email") problems.push(["destination", recipientsProblem(s.destination)]);
  if (s.type === "resolve" && !isText(args.seq) && !isText(args.action))
    problems.push(["args.seq", "A resolve step names the alert: args.seq, or args.action (the action that raised it)"]);
  if (s.type === "device" && !isText(args.command))
    problems.push(["args.command", "A device step sends a command: give args.command, e.g. reboot"]);
  if (s.type === "database") {
    if (!isText(args.key)) problems.push(["args.key", "A database step sets a Store value: give args.key"]);
    if (args.value === undefined) problems.push(["args.value", "A database step sets a value: give args.value"]);
  }
  if (s.type === "metric") {
    if (!metricName.safeParse(args.metric).success)
      problems.push(["args.metric", "A metric step emits a metric: give args.metric, e.g. alarms"]);
    if (!metricValue.safeParse(args.value).success)
      problems.push(["args.value", "A metric step emits a number: give args.value, e.g. 1"]);
  }
  return problems.flatMap(([name, message]) => (message ? [{ name, message }] : []));
}

/** Throws one validation error naming every problem of the action as it would be saved. */
export function judgeAction(settings: ActionSettings): void {
  const fields = [...triggerProblems(settings), ...stepProblems(settings)];
  if (fields.length) throw fieldsError("action", fields);
}
