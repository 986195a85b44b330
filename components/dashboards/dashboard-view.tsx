"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import { dashboardKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usesPickedDevice } from "@/lib/charts/picked-device";
import { resolveRange, type TimeRange } from "@/lib/charts/time-range";
import { updateDashboard, type DashboardView as Dashboard, type Widget } from "@/lib/contracts/dashboard";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { ErrorNotice } from "../ui/notice";
import { AddWidgetDialog } from "./add-widget-dialog";
import { DashboardViewContext, type DashboardViewState } from "./dashboard-view-context";
import { DeviceNamesContext } from "../metrics/series-names";
import { DevicePicker, useDeviceChoices } from "./device-picker";
import { nearestRefresh, RefreshPicker } from "./refresh-picker";
import { TimeRangePicker } from "./time-range-picker";
import { useDashboardUrl } from "./use-dashboard-url";
import { WidgetGrid } from "./widget-grid";

/** Edit mode (admins): a draft of the widgets, saved with dashboard/update or dropped. */
function useEditing(dashboard: Dashboard) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Widget[] | null>(null);
  const save = useMutation({
    mutationFn: (widgets: Widget[]) => api.call(updateDashboard, { id: dashboard.id, widgets }),
    // The draft stays on screen until the list holds what was saved (no flash of the old layout).
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.lists() });
      setDraft(null);
    },
  });
  return {
    draft,
    start: () => setDraft(dashboard.widgets),
    change: setDraft,
    cancel: () => {
      save.reset();
      setDraft(null);
    },
    save,
  };
}

/** A dashboard drawn for "the picked device" opens on the fleet's first device when the link names none. */
function usePickFirstDevice(dashboard: Dashboard, url: ReturnType<typeof useDashboardUrl>) {
  const first = useDeviceChoices().data?.data[0]?.id;
  const needed = !url.device && dashboard.widgets.some((widget) => usesPickedDevice(widget.dimensions));
  const { defaultDevice } = url;
  useEffect(() => {
    if (needed && first) defaultDevice(first);
  }, [needed, first, defaultDevice]);
}

/** The names of the devices the picker lists, by ID, for the widgets' series labels. */
function useDeviceNames(): ReadonlyMap<string, string> {
  const devices = useDeviceChoices().data?.data;
  return useMemo(() => new Map((devices ?? []).filter((d) => d.name).map((d) => [d.id, d.name])), [devices]);
}

/** One dashboard: the range, refresh and device pickers over its grid of widgets. */
export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const isAdmin = roleAllows(useCurrentRole(), ["admin"]);
  const url = useDashboardUrl(dashboard.range.period);
  const syncId = useId();
  const [now, setNow] = useState(Date.now);
  const [refresh, setRefresh] = useState<number>(nearestRefresh(dashboard.range.refresh));
  const [liveRange, setLiveRange] = useState<TimeRange>(
    url.range.kind === "relative" ? url.range : { kind: "relative", seconds: dashboard.range.period },
  );
  const [adding, setAdding] = useState(false);
  const editing = useEditing(dashboard);
  usePickFirstDevice(dashboard, url);
  const paused = refresh === 0 ? null : editing.draft ? "editing" : url.range.kind === "absolute" ? "range" : null;

  // Auto-refresh moves "now" on, so a relative range slides and every widget fetches again.
  const live = refresh > 0 && !paused;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), refresh * 1000);
    return () => clearInterval(timer);
  }, [live, refresh]);

  function changeRange(range: TimeRange) {
    setNow(Date.now());
    if (range.kind === "relative") setLiveRange(range);
    url.setRange(range);
  }

  const { from, to } = resolveRange(url.range, now);
  const deviceNames = useDeviceNames();
  const view: DashboardViewState = {
    from,
    to,
    device: url.device,
    timezone: dashboard.range.timezone,
    syncId,
    onZoom: (zoomFrom, zoomTo) => url.setRange({ kind: "absolute", from: zoomFrom, to: zoomTo }),
  };
  const widgets = editing.draft ?? dashboard.widgets;

  return (
    <DeviceNamesContext.Provider value={deviceNames}>
      <DashboardViewContext.Provider value={view}>
        <div className="mb-4 flex flex-wrap items-start gap-x-6 gap-y-3">
          <TimeRangePicker range={url.range} now={now} timezone={dashboard.range.timezone} onChange={changeRange} />
          <RefreshPicker
            seconds={refresh}
            onChange={(seconds) => {
              setRefresh(seconds);
              setNow(Date.now());
            }}
            paused={paused}
            onResume={() => changeRange(liveRange)}
          />
          <DevicePicker device={url.device} onChange={url.setDevice} />
          {isAdmin && (
            <div className="ml-auto flex flex-wrap items-end gap-2 self-end">
              {editing.draft ? (
                <>
                  <Button look="secondary" onClick={() => setAdding(true)}>
                    Add widget
                  </Button>
                  <Button look="secondary" onClick={editing.cancel}>
                    Cancel
                  </Button>
                  <Button onClick={() => editing.save.mutate(editing.draft!)} disabled={editing.save.isPending}>
                    {editing.save.isPending ? "Saving…" : "Save dashboard"}
                  </Button>
                </>
              ) : (
                <Button look="secondary" onClick={editing.start}>
                  Edit dashboard
                </Button>
              )}
            </div>
          )}
        </div>
        {editing.save.isError && <ErrorNotice error={editing.save.error} />}
        {widgets.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 py-12 text-center text-sm text-muted">
            This dashboard has no widgets yet.{isAdmin && !editing.draft && " Edit it to add some."}
          </p>
        ) : (
          <WidgetGrid widgets={widgets} editing={Boolean(editing.draft)} onChange={editing.change} />
        )}
        {adding && editing.draft && (
          <AddWidgetDialog
            open
            widgets={editing.draft}
            onClose={() => setAdding(false)}
            onAdd={(widget) => editing.change([...editing.draft!, widget])}
          />
        )}
      </DashboardViewContext.Provider>
    </DeviceNamesContext.Provider>
  );
}
