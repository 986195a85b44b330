"use client";
import { buildCsv } from "@/lib/charts/csv";
import type { FetchedSeries } from "@/lib/contracts/metric";
import { Button } from "../ui/button";

/** Downloads the series shown as CSV (lib/charts/csv.ts), named after the graph and the range's start. */
export function CsvExportButton({
  series,
  units,
  name,
}: {
  series: readonly FetchedSeries[];
  units: string;
  name: string;
}) {
  function download() {
    const csv = buildCsv(series.map((one) => ({ ...one, units })));
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    const start = series[0] ? new Date(series[0].start).toISOString().slice(0, 16).replace(":", "") : "";
    link.download = `${name.replace(/[^\w.-]+/g, "-") || "graph"}${start && `-${start}`}.csv`;
    link.click();
    // Revoked once the click has handed the file to the browser.
    setTimeout(() => URL.revokeObjectURL(url));
  }
  return (
    <Button look="quiet" className="min-h-0 px-1 py-0 text-xs" onClick={download} disabled={series.length === 0}>
      Export CSV
    </Button>
  );
}
