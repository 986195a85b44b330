"use client";
import { formatValue } from "@/lib/charts/format";
import type { Widget } from "@/lib/contracts/dashboard";
import { Time } from "../../ui/time";
import { useDashboardView } from "../dashboard-view-context";
import { useWidgetSeries } from "../use-widget-series";
import { WidgetStates } from "./widget-states";
import { useSeriesLabel } from "../../metrics/series-names";

/** One row per series: last value and its age, and the range's min, max and mean from the server. */
export function TableWidget({ widget }: { widget: Widget }) {
  const seriesLabel = useSeriesLabel();
  const fetched = useWidgetSeries(widget, useDashboardView(), null);
  return (
    <WidgetStates widget={widget} fetched={fetched}>
      {(series) => (
        <div className="h-full overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{widget.title || widget.metric}</caption>
            <thead className="text-xs text-muted">
              <tr>
                {["Series", "Last", "Min", "Max", "Mean", "Updated"].map((label) => (
                  <th key={label} scope="col" className="px-2 py-1 text-left font-normal">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((one, index) => (
                <tr key={index} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {seriesLabel(one)}
                  </th>
                  {[one.summary.last, one.summary.min, one.summary.max, one.summary.avg].map((value, column) => (
                    <td key={column} className="px-2 py-1 tabular-nums whitespace-nowrap">
                      {formatValue(value, widget.units)}
                    </td>
                  ))}
                  <td className="px-2 py-1 whitespace-nowrap">
                    <Time
                      value={
                        one.summary.lastTimestamp === null ? null : new Date(one.summary.lastTimestamp).toISOString()
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </WidgetStates>
  );
}
