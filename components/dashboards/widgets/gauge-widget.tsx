"use client";
import { formatValue } from "@/lib/charts/format";
import type { Widget } from "@/lib/contracts/dashboard";
import { useDashboardView } from "../dashboard-view-context";
import { useWidgetSeries } from "../use-widget-series";
import { WidgetStates } from "./widget-states";
import { useSeriesLabel } from "../../metrics/series-names";

// A half-circle from the widget's min to its max (0 to 100 when unset), filled to the latest value.
const RADIUS = 40;
const arc = (fraction: number) => {
  const angle = Math.PI * (1 - fraction);
  return `M ${50 - RADIUS} 50 A ${RADIUS} ${RADIUS} 0 0 1 ${50 + RADIUS * Math.cos(angle)} ${50 - RADIUS * Math.sin(angle)}`;
};

function Gauge({
  value,
  min,
  max,
  units,
  label,
}: {
  value: number | null;
  min: number;
  max: number;
  units: string;
  label: string;
}) {
  const fraction = value === null || max <= min ? 0 : Math.min(Math.max((value - min) / (max - min), 0), 1);
  return (
    // Without a value it is no meter (one must have a current value): a picture saying so.
    <div
      {...(value === null
        ? { role: "img", "aria-label": `${label}: no value in this range` }
        : {
            role: "meter",
            "aria-label": label,
            "aria-valuemin": min,
            "aria-valuemax": max,
            "aria-valuenow": value,
            "aria-valuetext": formatValue(value, units),
          })}
      className="flex min-w-28 flex-1 flex-col items-center"
    >
      <svg viewBox="0 0 100 56" className="w-full max-w-48" aria-hidden>
        <path d={arc(1)} fill="none" stroke="#e2e8f0" strokeWidth="10" />
        {fraction > 0 && <path d={arc(fraction)} fill="none" stroke="#0072B2" strokeWidth="10" />}
        <text x="50" y="50" textAnchor="middle" fontSize="13" fontWeight="600">
          {formatValue(value, units)}
        </text>
      </svg>
      <p className="flex w-full max-w-48 justify-between text-xs text-muted">
        <span>{formatValue(min, "")}</span>
        <span>{formatValue(max, "")}</span>
      </p>
    </div>
  );
}

export function GaugeWidget({ widget }: { widget: Widget }) {
  const seriesLabel = useSeriesLabel();
  const fetched = useWidgetSeries(widget, useDashboardView(), null);
  return (
    <WidgetStates widget={widget} fetched={fetched}>
      {(series) => (
        <div className="flex h-full flex-wrap items-center justify-around gap-2">
          {series.map((one, index) => (
            <Gauge
              key={index}
              value={one.summary.last}
              min={widget.min ?? 0}
              max={widget.max ?? 100}
              units={widget.units}
              label={seriesLabel(one)}
            />
          ))}
        </div>
      )}
    </WidgetStates>
  );
}
