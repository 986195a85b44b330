"use client";
import type { ReactNode } from "react";
import { PICKED_DEVICE, type Widget } from "@/lib/contracts/dashboard";
import type { FetchedSeries } from "@/lib/contracts/metric";
import { usesPickedDevice } from "@/lib/charts/picked-device";
import { ErrorNotice } from "../../ui/notice";
import { useDashboardView } from "../dashboard-view-context";
import type { useWidgetSeries } from "../use-widget-series";

const Quiet = ({ children }: { children: ReactNode }) => (
  <p className="flex h-full items-center justify-center p-2 text-center text-sm text-muted">{children}</p>
);

/** Why a metric widget has nothing to draw yet (no metric, no device picked, loading, an error), else its data. */
export function WidgetStates({
  widget,
  fetched,
  children,
}: {
  widget: Widget;
  fetched: ReturnType<typeof useWidgetSeries>;
  children: (series: FetchedSeries[]) => ReactNode;
}) {
  const { device } = useDashboardView();
  if (!widget.metric) return <Quiet>No metric chosen: pick one in edit mode.</Quiet>;
  if (!fetched.enabled && usesPickedDevice(widget.dimensions) && !device)
    return <Quiet>Pick a device to see this widget (its series use {PICKED_DEVICE}).</Quiet>;
  if (fetched.noSeries) return <Quiet>No series of {widget.metric} has data yet.</Quiet>;
  if (fetched.query.isError) return <ErrorNotice error={fetched.query.error} />;
  if (!fetched.query.data) return <Quiet>Loading…</Quiet>;
  return <>{children(fetched.query.data)}</>;
}
