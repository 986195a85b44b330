import type { ActionView } from "@/lib/contracts/action";
import type { AlertView } from "@/lib/contracts/alert";
import { DEFAULT_NAMESPACE, STATISTICS, type DimensionSet, type Statistic } from "@/lib/contracts/metric";

/** The series an alert is about, as a chart asks metric/fetch for it. */
export interface AlertSeries {
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  statistic: Statistic;
}

const MINUTE = 60_000;
/** Before the alert fired, the chart shows this much: what led up to it. */
const BEFORE_MS = 30 * MINUTE;
/** And after its last raise, this much (up to now): whether it settled. */
const AFTER_MS = 15 * MINUTE;

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
const isStatistic = (value: unknown): value is Statistic => (STATISTICS as readonly unknown[]).includes(value);

function dimensionsOf(value: unknown): DimensionSet | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === "string") ? Object.fromEntries(entries) : undefined;
}

/**
 * The metric behind an alert: what its context names (a metric action records the series it
 * watched), else its action's metric with the alert's device in any "every value" dimension;
 * null for an alert no metric raised.
 */
export function alertSeriesOf(
  alert: AlertView,
  action: Pick<ActionView, "trigger" | "namespace" | "metric" | "dimensions" | "statistic"> | null | undefined,
): AlertSeries | null {
  const context = alert.context;
  const metric = text(context.metric) ?? (action?.trigger === "metric" ? text(action.metric) : undefined);
  if (!metric) return null;
  const watched = dimensionsOf(context.dimensions) ?? action?.dimensions;
  const dimensions = watched
    ? Object.fromEntries(
        Object.entries(watched).map(([name, value]) => [name, value === "*" ? (alert.deviceId ?? value) : value]),
      )
    : alert.deviceId
      ? { Device: alert.deviceId }
      : {};
  const statistic = isStatistic(context.statistic) ? context.statistic : (action?.statistic ?? "avg");
  return {
    namespace: text(context.namespace) ?? action?.namespace ?? DEFAULT_NAMESPACE,
    metric,
    dimensions,
    statistic,
  };
}

/** The span drawn around an alert: from before it fired to a while after its last raise, never past `now`. */
export function alertChartSpan(alert: Pick<AlertView, "created" | "updated">, now: number) {
  const fired = Date.parse(alert.created);
  const last = Date.parse(alert.updated);
  return { from: fired - BEFORE_MS, to: Math.min(now, Math.max(last, fired) + AFTER_MS) };
}
