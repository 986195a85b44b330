"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { updateAction, type ActionView } from "@/lib/contracts/action";

/** Switches an action on or off (action/update {enable}); a failure is said beside it. */
export function EnableSwitch({ action }: { action: Pick<ActionView, "id" | "name" | "enable"> }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (enable: boolean) => api.call(updateAction, { id: action.id, enable }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: actionKeys.all() }),
  });
  const on = toggle.isPending ? toggle.variables : action.enable;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={`${action.name} enabled`}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!action.enable)}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand ${
          on ? "border-brand bg-brand" : "border-slate-500 bg-slate-200"
        }`}
      >
        <span
          className={`inline-block size-4 rounded-full bg-white shadow transition ${on ? "translate-x-5" : "translate-x-0.5"}`}
        />
      </button>
      <span className="text-xs" aria-hidden="true">
        {on ? "On" : "Off"}
      </span>
      {toggle.isError && (
        <span role="alert" className="text-xs text-danger">
          {toggle.error.message}
        </span>
      )}
    </span>
  );
}
