"use client";
import { useMemo, useState } from "react";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatValue, tickFormatter } from "@/lib/charts/format";
import { rowsWithGaps, type ChartRow } from "@/lib/charts/gaps";
import { zoomRange } from "@/lib/charts/time-range";
import type { FetchedSeries } from "@/lib/contracts/metric";
import { CsvExportButton } from "./csv-export-button";
import { GraphTooltip } from "./graph-tooltip";
import { seriesColor } from "./series-colors";
import { SeriesLegend } from "./series-legend";
import { useElementWidth } from "./use-element-width";
import { useSeriesLabel } from "./series-names";

export interface MetricGraphProps {
  /** metric/fetch's answer: one item per series. */
  series: readonly FetchedSeries[];
  /** The span drawn (epoch ms), whatever the points cover. */
  from: number;
  to: number;
  units?: string;
  /** `local`, `UTC` or an IANA name: ticks and tooltips are written in it. */
  timezone?: string;
  height?: number;
  /** Graphs sharing one ID share the crosshair, matched by time (not by point index). */
  syncId?: string;
  /** Called with the span dragged across the graph; without it the graph does not zoom. */
  onZoom?: (from: number, to: number) => void;
  /** Names the CSV download. */
  name?: string;
  /** Moments drawn as labelled vertical lines (when an alert fired); the label sits on the line's `side`. */
  markers?: ReadonlyArray<{ time: number; label: string; side: "left" | "right" }>;
}

/**
 * One graph of one or more series: the line from each bucket's value, a band from its min and max,
 * a break wherever a series has a gap, tooltips with units in the graph's zone, a legend of the
 * server's statistics (a click hides a series), drag to zoom, and the points shown as CSV.
 */
export function MetricGraph({
  series,
  from,
  to,
  units = "",
  timezone = "local",
  height = 220,
  syncId,
  onZoom,
  name = "graph",
  markers = [],
}: MetricGraphProps) {
  const seriesLabel = useSeriesLabel();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const rows = useMemo(() => series.map((one) => rowsWithGaps(one.points, one.period * 1000)), [series]);
  const pointsAt = useMemo(
    () => series.map((one) => new Map(one.points.map((point) => [point.timestamp, point]))),
    [series],
  );
  const shown = series.map((one, index) => ({ one, index })).filter(({ index }) => !hidden.has(index));
  const empty = series.every((one) => one.points.length === 0);

  function toggle(index: number) {
    const next = new Set(hidden);
    if (!next.delete(index)) next.add(index);
    setHidden(next);
  }
  const timeOf = (state: { activeLabel?: unknown }) =>
    typeof state.activeLabel === "number" ? state.activeLabel : Number(state.activeLabel ?? NaN);

  function endDrag() {
    const zoom = drag && zoomRange(drag.start, drag.end);
    setDrag(null);
    if (zoom?.kind === "absolute") onZoom?.(zoom.from, zoom.to);
  }

  return (
    <figure className="flex h-full flex-col" aria-label={`${name}: ${series.map(seriesLabel).join(", ")}`}>
      <div ref={ref} className="relative min-h-0 flex-1 select-none" style={{ minHeight: height }}>
        {empty && (
          <p className="absolute inset-0 z-10 flex items-center justify-center text-sm text-muted">
            No data in this range
          </p>
        )}
        {width > 0 && (
          <ComposedChart
            width={width}
            height={height}
            syncId={syncId}
            syncMethod="value"
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            onMouseDown={(state) => onZoom && setDrag({ start: timeOf(state), end: timeOf(state) })}
            onMouseMove={(state) => drag && Number.isFinite(timeOf(state)) && setDrag({ ...drag, end: timeOf(state) })}
            onMouseUp={endDrag}
            onMouseLeave={() => setDrag(null)}
          >
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[from, to]}
              allowDataOverflow
              tickFormatter={tickFormatter(to - from, timezone)}
              tick={{ fontSize: 11 }}
              minTickGap={40}
            />
            <YAxis
              width={48}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => formatValue(value, "")}
              domain={["auto", "auto"]}
            />
            <Tooltip
              isAnimationActive={false}
              content={({ active, label }) => (
                <GraphTooltip
                  active={active}
                  label={label}
                  lines={shown.map(({ one, index }) => ({ one, index, points: pointsAt[index]! }))}
                  units={units}
                  timezone={timezone}
                />
              )}
            />
            {shown.map(({ index }) => (
              <Area
                key={`band-${index}`}
                data={rows[index]}
                dataKey="band"
                stroke="none"
                fill={seriesColor(index)}
                fillOpacity={0.15}
                isAnimationActive={false}
                activeDot={false}
                tooltipType="none"
              />
            ))}
            {shown.map(({ one, index }) => (
              <Line
                key={`line-${index}`}
                data={rows[index]}
                dataKey="value"
                name={seriesLabel(one)}
                stroke={seriesColor(index)}
                strokeWidth={1.5}
                dot={(props: LoneDotProps) => (
                  <LoneDot key={`${index}-${props.index}`} {...props} color={seriesColor(index)} />
                )}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
            {markers.map((marker) => (
              <ReferenceLine
                key={`${marker.time}-${marker.label}`}
                x={marker.time}
                stroke="#b91c1c"
                strokeDasharray="4 3"
                label={{
                  value: marker.label,
                  position: marker.side === "left" ? "insideTopRight" : "insideBottomLeft",
                  fill: "#991b1b",
                  fontSize: 11,
                }}
              />
            ))}
            {drag && Number.isFinite(drag.start) && Number.isFinite(drag.end) && (
              <ReferenceArea x1={drag.start} x2={drag.end} fill="#0072B2" fillOpacity={0.15} />
            )}
          </ComposedChart>
        )}
      </div>
      <figcaption className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <SeriesLegend series={series} units={units} hidden={hidden} onToggle={toggle} />
        </div>
        <CsvExportButton series={shown.map(({ one }) => one)} units={units} name={name} />
      </figcaption>
    </figure>
  );
}

interface LoneDotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: ChartRow;
}

/** A point no line reaches (its neighbours are gaps) is drawn as a dot, or it would not show at all. */
function LoneDot({ cx, cy, payload, color }: LoneDotProps & { color: string }) {
  if (!payload?.lone || cx === undefined || cy === undefined) return <g />;
  return <circle cx={cx} cy={cy} r={2.5} fill={color} />;
}
