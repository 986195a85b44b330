"use client";
import { useQuery } from "@tanstack/react-query";
import { alertKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { alertSummary } from "@/lib/contracts/alert";
import { usePortalSession } from "@/lib/session/client";
import { highestSeverity, SEVERITY_STYLES } from "./severity";

/** How often the navigation asks again while the tab is visible (react-query pauses it in a hidden tab). */
const POLL_MS = 10_000;

/** The unresolved alerts (alert/summary) the navigation counts; a change to any alert refetches it (alertKeys.all). */
export function useAlertSummary() {
  const api = useApi();
  const signedIn = Boolean(usePortalSession()?.accessToken);
  return useQuery({
    queryKey: alertKeys.summary(),
    queryFn: () => api.call(alertSummary, {}),
    // The shell draws before the session's token arrives: no read goes out without it.
    enabled: signedIn,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: "always",
  });
}

/** The open-alerts count in the colour of the worst of them; nothing at all when none is open. */
export function OpenAlertsBadge() {
  const summary = useAlertSummary().data;
  const worst = summary && highestSeverity(summary.bySeverity);
  if (!summary || summary.open === 0 || !worst) return null;
  const label = `${summary.open} open ${summary.open === 1 ? "alert" : "alerts"}`;
  return (
    <span
      role="status"
      aria-label={label}
      title={label}
      className={`ml-1.5 inline-flex min-w-6 items-center justify-center rounded-full border px-1.5 text-xs font-semibold tabular-nums ${SEVERITY_STYLES[worst]}`}
    >
      {summary.open > 99 ? "99+" : summary.open}
    </span>
  );
}
