import { formatInstant, formatValue } from "@/lib/charts/format";
import type { FetchedSeries, MetricBucket } from "@/lib/contracts/metric";
import { seriesColor } from "./series-colors";
import { useSeriesLabel } from "./series-names";

/** The crosshair's time in the graph's zone and each shown series' bucket there, with units; a series without one is left out. */
export function GraphTooltip({
  active,
  label,
  lines,
  units,
  timezone,
}: {
  active: boolean | undefined;
  label: unknown;
  lines: ReadonlyArray<{ one: FetchedSeries; index: number; points: ReadonlyMap<number, MetricBucket> }>;
  units: string;
  timezone: string;
}) {
  const seriesLabel = useSeriesLabel();
  if (!active || typeof label !== "number") return null;
  const found = lines.flatMap(({ one, index, points }) => {
    const point = points.get(label);
    return point ? [{ one, index, point }] : [];
  });
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
      <p className="font-medium">{formatInstant(label, timezone)}</p>
      {found.length === 0 && <p className="text-muted">No data</p>}
      {found.map(({ one, index, point }) => (
        <p key={index}>
          <span style={{ color: seriesColor(index) }}>●</span> {seriesLabel(one)}: {formatValue(point.value, units)}
          {point.min !== point.max && (
            <span className="text-muted">
              {" "}
              (min {formatValue(point.min, units)}, max {formatValue(point.max, units)})
            </span>
          )}
        </p>
      ))}
    </div>
  );
}
