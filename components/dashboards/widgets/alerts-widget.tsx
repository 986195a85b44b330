"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { alertKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findAlerts } from "@/lib/contracts/alert";
import { UNRESOLVED_STATES } from "../../alerts/alert-filters";
import { SeverityBadge } from "../../alerts/severity";
import { ErrorNotice } from "../../ui/notice";
import { Time } from "../../ui/time";
import { useDashboardView } from "../dashboard-view-context";

/** A widget lists at most this many; the inbox has the rest. */
const LISTED = 10;
/** New alerts arrive while the dashboard is open: the widget asks again this often while visible. */
const REFETCH_MS = 10_000;

/** The newest unresolved alerts: the picked device's when the dashboard has one picked, else the fleet's. */
export function AlertsWidget() {
  const api = useApi();
  const { device } = useDashboardView();
  const input = { state__in: UNRESOLVED_STATES, ...(device ? { deviceId: device } : {}) };
  const query = { limit: LISTED, sort: "updated", order: "DESC" as const };
  const alerts = useQuery({
    queryKey: alertKeys.list(input, query),
    queryFn: () => api.list(findAlerts, input, query),
    refetchInterval: REFETCH_MS,
  });
  if (alerts.isError) return <ErrorNotice error={alerts.error} />;
  if (!alerts.data) return <p className="p-2 text-sm text-muted">Loading…</p>;
  const rows = alerts.data.data;
  if (rows.length === 0)
    return (
      <p className="flex h-full items-center justify-center p-2 text-center text-sm text-muted">
        {device ? `No unresolved alerts for ${device}.` : "No unresolved alerts."}
      </p>
    );
  return (
    <div className="h-full overflow-auto">
      <ul className="divide-y divide-slate-100 text-sm">
        {rows.map((alert) => (
          <li key={alert.id} className="flex items-start gap-2 py-1.5">
            <SeverityBadge severity={alert.severity} />
            <div className="min-w-0 flex-1">
              <Link href={`/alerts/${alert.id}`} className="text-brand-dark underline [overflow-wrap:anywhere]">
                {alert.name}
              </Link>
              <p className="text-xs text-muted">
                {!device && alert.deviceId && <span className="font-mono">{alert.deviceId} · </span>}
                <Time value={alert.updated} />
                {alert.acknowledged && " · acknowledged"}
                {/* As the inbox says it: the badge does not count it, and no action heard of it. */}
                {alert.silenced && " · silenced"}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {alerts.data.next && (
        <Link href="/alerts" className="mt-1 block text-xs text-brand-dark underline">
          All unresolved alerts
        </Link>
      )}
    </div>
  );
}
