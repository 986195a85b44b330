"use client";
import type { Widget } from "@/lib/contracts/dashboard";
import { MetricGraph } from "../../metrics/metric-graph";
import { useElementWidth } from "../../metrics/use-element-width";
import { useDashboardView } from "../dashboard-view-context";
import { useWidgetSeries } from "../use-widget-series";
import { WidgetStates } from "./widget-states";

/** The legend's rows and the axis take this much of the widget's height; the plot has the rest. */
const LEGEND_ROW_PX = 18;

export function GraphWidget({ widget, heightPx }: { widget: Widget; heightPx: number }) {
  const view = useDashboardView();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  // The plot area is the width less the value axis: one point per pixel of it.
  const fetched = useWidgetSeries(widget, view, Math.max(width - 56, 0));
  return (
    <div ref={ref} className="h-full">
      <WidgetStates widget={widget} fetched={fetched}>
        {(series) => (
          <MetricGraph
            series={series}
            from={fetched.from}
            to={fetched.to}
            units={widget.units}
            timezone={view.timezone}
            syncId={view.syncId}
            onZoom={view.onZoom}
            name={widget.title || widget.metric}
            height={Math.max(100, heightPx - LEGEND_ROW_PX * (series.length + 1) - 8)}
          />
        )}
      </WidgetStates>
    </div>
  );
}
