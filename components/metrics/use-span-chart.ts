"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ianaZone } from "@/lib/charts/format";
import { periodForWidth } from "@/lib/charts/period";
import { metricKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { fetchMetrics, type DimensionSet, type Statistic } from "@/lib/contracts/metric";
import { useElementWidth } from "./use-element-width";

/** Charts outside dashboards draw in the browser's time zone. */
export const CHART_TIMEZONE = "local";
/** The graph's value axis takes this much of its width: the plot has the rest. */
const VALUE_AXIS_PX = 56;

export interface ChartSeries {
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  statistic: Statistic;
}

/**
 * The series between `from` and `to`, at one point per pixel of the element `ref` is put on at
 * most. `keepPrevious` keeps the last answer on screen while a new span loads (a zoom).
 */
export function useSpanChart(series: readonly ChartSeries[], from: number, to: number, { keepPrevious = false } = {}) {
  const api = useApi();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const items = series.map((one) => ({
    ...one,
    accumulate: false,
    period: periodForWidth(to - from, Math.max(width - VALUE_AXIS_PX, 1)),
    start: Math.round(from),
    end: Math.round(to),
    timezone: ianaZone(CHART_TIMEZONE),
  }));
  const chart = useQuery({
    queryKey: metricKeys.fetch(items),
    queryFn: () => api.call(fetchMetrics, { items }),
    enabled: width > 0,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  return { ref, chart };
}
