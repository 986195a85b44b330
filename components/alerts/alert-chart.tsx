"use client";
import { useState } from "react";
import type { AlertView } from "@/lib/contracts/alert";
import { MetricGraph } from "../metrics/metric-graph";
import { CHART_TIMEZONE, useSpanChart } from "../metrics/use-span-chart";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { Section } from "../ui/section";
import { alertChartSpan, type AlertSeries } from "./alert-series";

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
  // The span is fixed when the page opens: an alert's past does not move.
  const [now] = useState(Date.now);
  const { from, to } = alertChartSpan(alert, now);
  const { ref, chart } = useSpanChart([series], from, to);
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
            timezone={CHART_TIMEZONE}
            name={series.metric}
            markers={markersOf(alert)}
          />
        )}
      </div>
    </Section>
  );
}
