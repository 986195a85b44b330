import { z } from "zod";
import { dimensionSet, metricName, metricValue, namespaceField, DEFAULT_NAMESPACE } from "../../contracts/metric";
import { validationError } from "../../errors";
import { storePoints } from "../../services/metrics";
import { dimensionsMatch } from "../series-match";
import { renderTemplate } from "../template";
import type { Step } from "./types";

// The metric step: emits one point through the metric service, as a server-side writer, so it is
// stored, rolled up and heard by the engine like any other. Its write goes through ingest's own
// writer, outside the run's transaction, once the run is recorded. An action may not write a
// series it watches itself: its own point would trigger it again.

const metricArgs = z.object({
  namespace: namespaceField.default(DEFAULT_NAMESPACE),
  metric: metricName,
  value: metricValue,
  dimensions: dimensionSet.default({}),
});

/** Text values are templates: a dimension "${device}" names the device of the trigger. */
function rendered(value: unknown, context: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === "string") return renderTemplate(value, context);
  if (value && typeof value === "object" && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, rendered(item, context)]));
  return value;
}

export const metricStep: Step = async (_tx, { action, context, now }) => {
  const parsed = metricArgs.safeParse(rendered(action.args, context));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      name: `args.${issue.path.join(".")}`,
      message: issue.message,
    }));
    throw validationError(`A metric step needs args.metric and a number args.value: ${problems[0]!.name}`, problems);
  }
  const point = { ...parsed.data, timestamp: now.getTime() };
  const watchesItself =
    action.trigger === "metric" &&
    action.namespace === point.namespace &&
    action.metric === point.metric &&
    dimensionsMatch(action.dimensions, point.dimensions);
  if (watchesItself)
    throw validationError("A metric step may not write the series its own action watches: it would trigger itself", [
      { name: "args.metric", message: "The action's own series" },
    ]);
  return {
    outcome: "succeeded",
    detail: `${point.metric} = ${point.value}`,
    afterCommit: async () => void (await storePoints(action.accountId, [point])),
  };
};
