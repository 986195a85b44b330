"use client";
import { formatValue, seriesLabel } from "@/lib/charts/format";
import type { FetchedSeries } from "@/lib/contracts/metric";
import { seriesColor } from "./series-colors";

/**
 * The legend as a table: min, max, mean and last of the whole range from the server's summary
 * (statistics of plotted, downsampled points would mislead). A click on a series hides or shows it.
 */
export function SeriesLegend({
  series,
  units,
  hidden,
  onToggle,
}: {
  series: readonly FetchedSeries[];
  units: string;
  hidden: ReadonlySet<number>;
  onToggle: (index: number) => void;
}) {
  return (
    <table className="mt-1 w-full table-fixed text-xs">
      <thead className="text-muted">
        <tr>
          <th scope="col" className="w-2/5 text-left font-normal">
            Series
          </th>
          {["Min", "Max", "Mean", "Last"].map((label) => (
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
            </td>
            {[one.summary.min, one.summary.max, one.summary.avg, one.summary.last].map((value, column) => (
              <td key={column} className="px-1 text-right tabular-nums whitespace-nowrap">
                {formatValue(value, units)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
