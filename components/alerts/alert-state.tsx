import type { AlertView } from "@/lib/contracts/alert";

const STATE_LABELS: Record<AlertView["state"], string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
};

/** Where the alert stands, and whether a maintenance window silenced it. */
export function AlertState({ alert }: { alert: Pick<AlertView, "state" | "silenced"> }) {
  return (
    <span className="whitespace-nowrap">
      {STATE_LABELS[alert.state]}
      {alert.silenced && <span className="ml-1 text-xs text-muted">(silenced)</span>}
    </span>
  );
}
