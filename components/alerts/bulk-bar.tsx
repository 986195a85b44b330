"use client";
import { Button } from "../ui/button";
import { ErrorNotice } from "../ui/notice";
import { useAlertChanges, type AlertChange } from "./use-alert-changes";

const plural = (n: number) => `${n} ${n === 1 ? "alert" : "alerts"}`;

/** Acknowledge or resolve the selected alerts together (alert/updateMany); says what it did. */
export function BulkBar({ selected, onDone }: { selected: readonly string[]; onDone: () => void }) {
  const change = useAlertChanges();
  const apply = (what: AlertChange) => change.mutate({ ids: selected, change: what }, { onSuccess: () => onDone() });
  const none = selected.length === 0;
  return (
    <div className="mb-3 space-y-2">
      <div role="group" aria-label="Selected alerts" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted" aria-live="polite">
          {none ? "Select alerts to acknowledge or resolve them together." : `${plural(selected.length)} selected`}
        </span>
        <Button look="secondary" disabled={none || change.isPending} onClick={() => apply("acknowledge")}>
          Acknowledge selected
        </Button>
        <Button look="secondary" disabled={none || change.isPending} onClick={() => apply("resolve")}>
          Resolve selected
        </Button>
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
    </div>
  );
}
