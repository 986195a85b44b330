"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ianaZone } from "@/lib/charts/format";
import { periodForWidth } from "@/lib/charts/period";
import { metricKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { fetchMetrics } from "@/lib/contracts/metric";
import type { AlertView } from "@/lib/contracts/alert";
import { MetricGraph } from "../metrics/metric-graph";
import { useElementWidth } from "../metrics/use-element-width";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { Section } from "../ui/section";
import { alertChartSpan, type AlertSeries } from "./alert-series";

const TIMEZONE = "local";
/** The value axis takes this much of the graph's width, as on the device page. */
const VALUE_AXIS_PX = 56;

/**
 * When it fired (labelled on the left: it is often the graph's right edge), and when its condition
 * started holding, as a metric action's context says (labelled low on the right, apart from it).
 */
function markersOf(alert: AlertView) {
  const since = typeof alert.context.since === "string" ? Date.parse(alert.context.since) : NaN;
  return [
    ...(Number.isFinite(since) ? [{ time: since, label: "condition true", side: "right" as const }] : []),
    { time: Date.parse(alert.created), label: "fired", side: "left" as const },
  ];
}

/** The alert's metric from before it fired to after its last raise, with the moment it fired marked. */
export function AlertChart({ alert, series }: { alert: AlertView; series: AlertSeries }) {
  const api = useApi();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  // The span is fixed when the page opens: an alert's past does not move.
  const [now] = useState(Date.now);
  const { from, to } = alertChartSpan(alert, now);
  const items = [
    {
      ...series,
      accumulate: false,
      period: periodForWidth(to - from, Math.max(width - VALUE_AXIS_PX, 1)),
      start: Math.round(from),
      end: Math.round(to),
      timezone: ianaZone(TIMEZONE),
    },
  ];
  const chart = useQuery({
    queryKey: metricKeys.fetch(items),
    queryFn: () => api.call(fetchMetrics, { items }),
    enabled: width > 0,
  });
  return (
    <Section
      title={`${series.metric} around the alert`}
      description="Dashed lines mark when its condition started to hold and when it fired."
    >
      <div ref={ref} className="rounded-lg border border-slate-200 bg-white p-3">
        {chart.isPending && <Loading what="the chart" />}
        {chart.isError && <ErrorNotice error={chart.error} />}
        {chart.data && (
          <MetricGraph
            series={chart.data}
            from={from}
            to={to}
            timezone={TIMEZONE}
            name={series.metric}
            markers={markersOf(alert)}
          />
        )}
      </div>
    </Section>
  );
}
