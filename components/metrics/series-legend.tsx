"use client";
import { formatValue } from "@/lib/charts/format";
import type { FetchedSeries } from "@/lib/contracts/metric";
import { seriesColor } from "./series-colors";
import { useSeriesLabel } from "./series-names";

// The legend: min, max, mean and last of the whole range from the server's summary (statistics
// of plotted, downsampled points would mislead). A click on a series hides or shows it. A table
// from 640 px; on a phone each series' figures wrap under its name, where four columns would not fit.

interface LegendProps {
  series: readonly FetchedSeries[];
  units: string;
  hidden: ReadonlySet<number>;
  onToggle: (index: number) => void;
}

const STATISTICS = ["Min", "Max", "Mean", "Last"] as const;

const figuresOf = (one: FetchedSeries) => [one.summary.min, one.summary.max, one.summary.avg, one.summary.last];

function SeriesToggle({
  one,
  index,
  hidden,
  onToggle,
}: { one: FetchedSeries; index: number } & Omit<LegendProps, "series" | "units">) {
  const seriesLabel = useSeriesLabel();
  return (
    <button
      type="button"
      aria-pressed={!hidden.has(index)}
      title={hidden.has(index) ? "Show this series" : "Hide this series"}
      onClick={() => onToggle(index)}
      className="inline-flex max-w-full items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-brand"
    >
      <span
        aria-hidden
        className="inline-block size-2.5 shrink-0 rounded-full"
        style={{ background: seriesColor(index) }}
      />
      <span className="truncate">{seriesLabel(one)}</span>
    </button>
  );
}

export function SeriesLegend({ series, units, hidden, onToggle }: LegendProps) {
  return (
    <>
      <table className="mt-1 hidden w-full table-fixed text-xs sm:table">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="w-2/5 text-left font-normal">
              Series
            </th>
            {STATISTICS.map((label) => (
              <th key={label} scope="col" className="px-1 text-right font-normal">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((one, index) => (
            <tr key={index} className={hidden.has(index) ? "opacity-50" : ""}>
              <td className="max-w-0 truncate text-left">
                <SeriesToggle one={one} index={index} hidden={hidden} onToggle={onToggle} />
              </td>
              {figuresOf(one).map((value, column) => (
                <td key={column} className="px-1 text-right tabular-nums whitespace-nowrap">
                  {formatValue(value, units)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-1 space-y-1 text-xs sm:hidden">
        {series.map((one, index) => (
          <li key={index} className={hidden.has(index) ? "opacity-50" : ""}>
            <SeriesToggle one={one} index={index} hidden={hidden} onToggle={onToggle} />
            <dl className="flex flex-wrap gap-x-3 pl-3.5">
              {figuresOf(one).map((value, column) => (
                <div key={column} className="flex gap-1">
                  <dt className="text-muted">{STATISTICS[column]}</dt>
                  <dd className="tabular-nums">{formatValue(value, units)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
