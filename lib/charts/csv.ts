import type { MetricBucket } from "@/lib/contracts/metric";

// A graph's data as CSV: the points shown, one row per timestamp (ISO 8601, UTC), one column per
// series, each named with its statistic and units (`temperature avg (°C) Device=A1`). A series
// without a point at a timestamp leaves its cell empty: a gap, never a zero.

export interface CsvSeries {
  metric: string;
  statistic: string;
  units: string;
  dimensions: Record<string, string>;
  points: readonly Pick<MetricBucket, "timestamp" | "value">[];
}

export function seriesHeader(series: Omit<CsvSeries, "points">): string {
  const units = series.units ? ` (${series.units})` : "";
  const dimensions = Object.entries(series.dimensions)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
  return `${series.metric} ${series.statistic}${units}${dimensions ? ` ${dimensions}` : ""}`;
}

/** RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function buildCsv(series: readonly CsvSeries[]): string {
  const byTime = new Map<number, Array<number | undefined>>();
  series.forEach((one, column) => {
    for (const point of one.points) {
      const row = byTime.get(point.timestamp) ?? new Array<number | undefined>(series.length).fill(undefined);
      row[column] = point.value;
      byTime.set(point.timestamp, row);
    }
  });
  const header = ["timestamp", ...series.map(seriesHeader)].map(cell).join(",");
  const rows = [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([timestamp, values]) =>
      [new Date(timestamp).toISOString(), ...values.map((value) => (value === undefined ? "" : String(value)))].join(
        ",",
      ),
    );
  return [header, ...rows].join("\r\n") + "\r\n";
}
