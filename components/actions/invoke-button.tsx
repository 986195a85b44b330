"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { invokeAction } from "@/lib/contracts/action";
import { Button } from "../ui/button";

/** Runs the action now (action/invoke by its name); the run history shows how it went. */
export function InvokeButton({ name }: { name: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const invoke = useMutation({
    mutationFn: () => api.call(invokeAction, { name, context: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionKeys.all() }),
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button onClick={() => invoke.mutate()} disabled={invoke.isPending}>
        {invoke.isPending ? "Invoking…" : "Invoke now"}
      </Button>
      <span role="status" className="text-sm">
        {invoke.isSuccess && "Queued: see the run history."}
        {invoke.isError && <span className="text-danger">{invoke.error.message}</span>}
      </span>
    </span>
  );
}
