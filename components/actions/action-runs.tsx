"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ListQuery } from "@/lib/api/client";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { actionRuns, type ActionView, type RunView } from "@/lib/contracts/action";
import { ListStates } from "../ui/list-states";
import { Section } from "../ui/section";
import { ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";
import { RunOutcome } from "./run-outcome";

const COLUMNS = [
  ["When", ""],
  ["Trigger", "hidden sm:table-cell"],
  ["Outcome", ""],
  ["Took", "hidden md:table-cell"],
  ["Device", "hidden lg:table-cell"],
  ["Error", ""],
] as const;
/** A run moves from queued to its outcome within seconds: the history reads again this often while visible. */
const REFETCH_MS = 5_000;

const took = (ms: number | null) => (ms === null ? "—" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The action with `newest` as its last run, or the very same action when that is what it says already. */
export function withNewestRun(action: ActionView, newest: RunView): ActionView {
  const { id, outcome, error, created } = newest;
  return action.lastRun?.id === id && action.lastRun.outcome === outcome
    ? action
    : { ...action, lastRun: { id, outcome, error, created } };
}

/** An action's runs, newest first (action/runs): what fired it, how it ended, how long it took, and why it failed. */
export function ActionRuns({ actionId }: { actionId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [cursor, setCursor] = useState<Pick<ListQuery, "next" | "prev">>({});
  const query: ListQuery = { limit: 20, ...cursor };
  const runs = useQuery({
    queryKey: actionKeys.runs(actionId, query),
    queryFn: () => api.list(actionRuns, { id: actionId }, query),
    placeholderData: keepPreviousData,
    refetchInterval: REFETCH_MS,
  });
  // The page's summary says how the last run went ("queued" forever otherwise): the newest run read
  // here is newer than the action, read once. Patched in, not read again: the edit form restarts
  // whenever the action it was made from is read with another `updated`.
  const newest = cursor.next || cursor.prev ? undefined : runs.data?.data[0];
  useEffect(() => {
    if (newest)
      queryClient.setQueryData<ActionView>(actionKeys.detail(actionId), (action) =>
        action ? withNewestRun(action, newest) : action,
      );
  }, [newest, actionId, queryClient]);
  return (
    <Section title="Run history" description="Every time it fired, newest first.">
      <ListStates
        list={runs}
        what="the runs"
        onPage={setCursor}
        empty={
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm">
            It has not run yet.
          </p>
        }
      >
        {(rows) => (
          <DataTable caption="Runs" head={<ColumnHeads columns={COLUMNS} />}>
            <tbody>
              {rows.map((run) => (
                <tr key={run.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Time value={run.created} />
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{run.trigger}</td>
                  <td className="px-3 py-2">
                    <RunOutcome outcome={run.outcome} />
                  </td>
                  <td className="hidden px-3 py-2 tabular-nums md:table-cell">{took(run.duration)}</td>
                  <td className="hidden px-3 py-2 font-mono lg:table-cell">{run.deviceId ?? "—"}</td>
                  <td className="px-3 py-2 [overflow-wrap:anywhere] text-danger">{run.error}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </ListStates>
    </Section>
  );
}
