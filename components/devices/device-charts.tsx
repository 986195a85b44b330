"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { describeRange, resolveRange, type TimeRange } from "@/lib/charts/time-range";
import { formatInstant } from "@/lib/charts/format";
import { MetricGraph } from "../metrics/metric-graph";
import { CHART_TIMEZONE, useSpanChart } from "../metrics/use-span-chart";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { useLatestValues, type LatestValue } from "./latest-values";
import { deviceRange, searchForSpan } from "./metric-range";
import { RangePicker } from "./range-picker";
import { metricsOf, unusualNamespace } from "./series-display";

// A relative range ("the last hour") moves on while the page is open; a zoomed one stays put.
const REDRAW_MS = 30_000;

/** The span drawn: for a relative range, as seen when it was picked, and again every REDRAW_MS. */
function useSpan(range: TimeRange): { from: number; to: number } {
  const [now, setNow] = useState(Date.now);
  const live = range.kind === "relative";
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), REDRAW_MS);
    return () => clearInterval(timer);
  }, [live]);
  return resolveRange(range, now);
}

/** One metric's chart: each of its series' averages at one point per pixel at most. */
function DeviceChart({
  series,
  from,
  to,
  onZoom,
}: {
  series: readonly LatestValue[];
  from: number;
  to: number;
  onZoom: (from: number, to: number) => void;
}) {
  const { namespace, metric } = series[0]!;
  const asked = series.map((one) => ({ namespace, metric, dimensions: one.dimensions, statistic: "avg" as const }));
  const { ref, chart } = useSpanChart(asked, from, to, { keepPrevious: true });
  const other = unusualNamespace(namespace);
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-medium [overflow-wrap:anywhere]">
        {metric}
        {other && <span className="ml-2 text-xs font-normal text-muted">{other}</span>}
      </h3>
      {/* A block of its own: the graph's full height is then its own, never the grid row's. */}
      <div ref={ref}>
        {chart.isPending && <Loading what="the chart" />}
        {chart.isError && <ErrorNotice error={chart.error} />}
        {chart.data && (
          <MetricGraph
            series={chart.data}
            from={from}
            to={to}
            timezone={CHART_TIMEZONE}
            syncId="device"
            onZoom={onZoom}
            name={metric}
          />
        )}
      </div>
    </div>
  );
}

function ChartGrid({
  range,
  metrics,
  onZoom,
}: {
  range: TimeRange;
  metrics: ReturnType<typeof metricsOf<LatestValue>>;
  onZoom: (from: number, to: number) => void;
}) {
  const { from, to } = useSpan(range);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {metrics.map(({ key, series }) => (
        <DeviceChart key={key} series={series} from={from} to={to} onZoom={onZoom} />
      ))}
    </div>
  );
}

/** A chart per metric of the device over the range in the URL; a drag on a chart zooms them all. */
export function DeviceCharts({ deviceId }: { deviceId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = deviceRange(params);
  const latest = useLatestValues(deviceId);
  const metrics = latest.data ? metricsOf(latest.data, deviceId) : [];
  const zoom = (zoomFrom: number, zoomTo: number) =>
    router.replace(`${pathname}${searchForSpan(params, zoomFrom, zoomTo)}`, { scroll: false });

  return (
    <section aria-labelledby="device-charts" className="mt-6 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="device-charts" className="font-semibold">
            Charts
          </h2>
          <p className="text-xs text-muted">{describeRange(range, (ms) => formatInstant(ms, CHART_TIMEZONE))}</p>
        </div>
        <RangePicker />
      </div>
      {latest.data &&
        (metrics.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-muted">
            A chart of each metric appears here once the device sends one.
          </p>
        ) : (
          // A new range starts a new span (and clock): keyed by the range.
          <ChartGrid key={JSON.stringify(range)} range={range} metrics={metrics} onZoom={zoom} />
        ))}
    </section>
  );
}
