"use client";
import { useQuery } from "@tanstack/react-query";
import { metricKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { getMetricList } from "@/lib/contracts/metric";

/** Metrics and their dimension sets from getMetricList; a metric without data yet may still be typed. */
export function useMetricList(metric: string) {
  const api = useApi();
  const metrics = useQuery({ queryKey: metricKeys.list({}), queryFn: () => api.call(getMetricList, {}) });
  const known = metrics.data?.metrics.includes(metric) ?? false;
  const sets = useQuery({
    queryKey: metricKeys.list({ metric }),
    queryFn: () => api.call(getMetricList, { metric }),
    enabled: known,
  });
  return {
    loaded: metrics.isSuccess,
    metrics: metrics.data?.metrics ?? [],
    sets: known ? (sets.data?.dimensions ?? []) : [],
  };
}
