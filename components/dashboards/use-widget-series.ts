"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ianaZone } from "@/lib/charts/format";
import { periodForWidth } from "@/lib/charts/period";
import { usesEveryValue, withEveryValue, withPickedDevice } from "@/lib/charts/picked-device";
import { metricKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import type { Widget } from "@/lib/contracts/dashboard";
import { fetchMetrics, getMetricList } from "@/lib/contracts/metric";
import type { DashboardViewState } from "./dashboard-view-context";

const MAX_PERIOD = 31_622_400;

/** The span a widget draws: its own range back from the dashboard's end, or the dashboard's. */
export function widgetSpan(widget: Widget, view: Pick<DashboardViewState, "from" | "to">) {
  return widget.range ? { from: view.to - widget.range.period * 1000, to: view.to } : { from: view.from, to: view.to };
}

/**
 * metric/fetch for a widget's series (its dimension sets with the picked device put in, and `*`
 * expanded to the matching series with data). A graph
 * passes its width in pixels and gets at most one point per pixel; other widgets pass `null` and
 * get the range folded into one point (they read the summary). The previous answer stays on
 * screen while a refresh or a new range loads.
 */
export function useWidgetSeries(widget: Widget, view: DashboardViewState, pixels: number | null) {
  const api = useApi();
  const { from, to } = widgetSpan(widget, view);
  const spanSeconds = Math.ceil((to - from) / 1000);
  // A `*` value (every device…) is expanded to the series the account has data for.
  const every = usesEveryValue(widget.dimensions);
  const listQuery = { namespace: widget.namespace, metric: widget.metric ?? "" };
  const known = useQuery({
    queryKey: metricKeys.list(listQuery),
    queryFn: () => api.call(getMetricList, listQuery),
    enabled: every && Boolean(widget.metric),
  });
  const sets = withPickedDevice(widget.dimensions, view.device);
  const items = (every ? withEveryValue(sets, known.data?.dimensions ?? []) : sets).map((dimensions) => ({
    namespace: widget.namespace,
    metric: widget.metric ?? "",
    dimensions,
    statistic: widget.statistic,
    period: pixels === null ? Math.min(Math.max(spanSeconds, 1), MAX_PERIOD) : periodForWidth(to - from, pixels),
    start: Math.round(from),
    end: Math.round(to),
    accumulate: pixels === null,
    timezone: ianaZone(view.timezone),
  }));
  const enabled = Boolean(widget.metric) && items.length > 0 && pixels !== 0 && (!every || known.isSuccess);
  const query = useQuery({
    queryKey: metricKeys.fetch(items),
    queryFn: () => api.call(fetchMetrics, { items }),
    enabled,
    placeholderData: keepPreviousData,
  });
  // Every series of a `*` pattern, and none has data yet.
  const noSeries = every && known.isSuccess && items.length === 0;
  return { query, from, to, enabled, noSeries };
}
