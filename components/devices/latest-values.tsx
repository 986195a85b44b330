"use client";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { formatValue } from "@/lib/charts/format";
import { metricKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { latestMetrics, type latestValue } from "@/lib/contracts/metric";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";
import { NoMetrics } from "./no-metrics";
import { otherDimensions, seriesKey, sortSeries, unusualNamespace } from "./series-display";

export type LatestValue = z.infer<typeof latestValue>;

/** A new reading (and the contact it counts as) shows within this long while the page is open; react-query pauses it in a hidden tab. */
export const LIVE_REFETCH_MS = 10_000;

/** Every series of the device with its newest value, in reading order; the charts share this query. */
export function useLatestValues(deviceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: metricKeys.latest(deviceId),
    queryFn: () => api.call(latestMetrics, { deviceId }),
    select: (values) => sortSeries(values, deviceId),
    refetchInterval: LIVE_REFETCH_MS,
  });
}

/** The "Latest values" panel: the readings, or how to send the first one. */
export function LatestValues({ deviceId }: { deviceId: string }) {
  const latest = useLatestValues(deviceId);
  return (
    <section aria-labelledby="latest-values" className="min-w-0 space-y-3">
      <h2 id="latest-values" className="font-semibold">
        Latest values
      </h2>
      {latest.isPending && <Loading what="the latest values" />}
      {latest.isError && <ErrorNotice error={latest.error} />}
      {latest.data &&
        (latest.data.length === 0 ? (
          <NoMetrics deviceId={deviceId} />
        ) : (
          <LatestValueList values={latest.data} deviceId={deviceId} />
        ))}
    </section>
  );
}

// A reading's age moves on every second: "12 s ago" is the page's proof that the device is alive.
const AGE_TICK_MS = 1_000;

function Age({ timestamp }: { timestamp: number }) {
  return <Time value={new Date(timestamp).toISOString()} everyMs={AGE_TICK_MS} />;
}

function SeriesName({ value, deviceId }: { value: LatestValue; deviceId: string }) {
  const namespace = unusualNamespace(value.namespace);
  const dimensions = otherDimensions(value.dimensions, deviceId);
  return (
    <>
      <span className="font-medium [overflow-wrap:anywhere]">{value.metric}</span>
      {namespace && <span className="block text-xs text-muted [overflow-wrap:anywhere]">{namespace}</span>}
      {dimensions && <span className="block text-xs text-muted [overflow-wrap:anywhere]">{dimensions}</span>}
    </>
  );
}

/** The device's readings: a table from a tablet up, a card per series on a phone (the same rows). */
function LatestValueList({ values, deviceId }: { values: readonly LatestValue[]; deviceId: string }) {
  const keyed = values.map((value) => ({ value, key: seriesKey(value) }));
  return (
    <>
      <div className="hidden sm:block">
        <DataTable
          caption="Latest values"
          head={
            <ColumnHeads
              columns={[
                ["Metric", ""],
                ["Value", "text-right"],
                ["Updated", ""],
              ]}
            />
          }
        >
          <tbody>
            {keyed.map(({ value, key }) => (
              <tr key={key} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <SeriesName value={value} deviceId={deviceId} />
                </th>
                <td className="px-3 py-2 text-right font-mono tabular-nums">{formatValue(value.value, "")}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Age timestamp={value.timestamp} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <ul aria-label="Latest values" className="grid grid-cols-2 gap-3 sm:hidden">
        {keyed.map(({ value, key }) => (
          <li key={key} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <SeriesName value={value} deviceId={deviceId} />
            <span className="mt-1 block font-mono text-xl tabular-nums">{formatValue(value.value, "")}</span>
            <span className="block text-xs text-muted">
              <Age timestamp={value.timestamp} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
