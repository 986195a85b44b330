"use client";
import type { AlertView } from "@/lib/contracts/alert";
import { Button } from "../ui/button";
import { ErrorNotice } from "../ui/notice";
import { useAlertChanges, type AlertChange } from "./use-alert-changes";

/** What can be done to the alert as it stands: acknowledge an open one, resolve an unresolved one, reopen a resolved one. */
function changesFor(alert: AlertView): AlertChange[] {
  if (alert.resolved) return ["reopen"];
  return alert.acknowledged ? ["resolve"] : ["acknowledge", "resolve"];
}

const LABELS: Record<AlertChange, [label: string, pending: string]> = {
  acknowledge: ["Acknowledge", "Acknowledging…"],
  resolve: ["Resolve", "Resolving…"],
  reopen: ["Reopen", "Reopening…"],
};

export function AlertButtons({ alert }: { alert: AlertView }) {
  const change = useAlertChanges();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {changesFor(alert).map((what) => {
          const pending = change.isPending && change.variables.change === what;
          return (
            <Button
              key={what}
              look={what === "acknowledge" ? "primary" : "secondary"}
              disabled={change.isPending}
              onClick={() => change.mutate({ ids: [alert.id], change: what })}
            >
              {LABELS[what][pending ? 1 : 0]}
            </Button>
          );
        })}
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
    </div>
  );
}
