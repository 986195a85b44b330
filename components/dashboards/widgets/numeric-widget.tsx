"use client";
import { formatValue } from "@/lib/charts/format";
import type { Widget } from "@/lib/contracts/dashboard";
import { Time } from "../../ui/time";
import { useDashboardView } from "../dashboard-view-context";
import { useWidgetSeries } from "../use-widget-series";
import { WidgetStates } from "./widget-states";
import { useSeriesLabel } from "../../metrics/series-names";

/** The latest value of each series in the range, with its age. */
export function NumericWidget({ widget }: { widget: Widget }) {
  const seriesLabel = useSeriesLabel();
  const fetched = useWidgetSeries(widget, useDashboardView(), null);
  return (
    <WidgetStates widget={widget} fetched={fetched}>
      {(series) => (
        <ul className="flex h-full flex-wrap items-center justify-around gap-2">
          {series.map((one, index) => (
            <li key={index} className="text-center">
              <p className="text-3xl font-semibold tabular-nums">{formatValue(one.summary.last, widget.units)}</p>
              <p className="text-xs text-muted">
                {series.length > 1 && `${seriesLabel(one)} · `}
                {one.summary.lastTimestamp === null ? (
                  "no value in this range"
                ) : (
                  <Time value={new Date(one.summary.lastTimestamp).toISOString()} />
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </WidgetStates>
  );
}
