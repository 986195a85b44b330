"use client";
import type { z } from "zod";
import { genericKeys } from "@/lib/api/query-keys";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findGeneric, type genericItem } from "@/lib/contracts/generic";
import { EmptyPage, ListStates } from "../ui/list-states";
import { Section } from "../ui/section";
import { ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";
import { LIVE_REFETCH_MS } from "./latest-values";

type LogItem = z.infer<typeof genericItem> & { id?: unknown; message?: unknown; context?: unknown };

const hasContext = (context: unknown) =>
  context !== undefined && context !== null && !(typeof context === "object" && Object.keys(context).length === 0);

/** The Log items the device synced up (generic/find), newest first, a page at a time. */
export function DeviceLogs({ deviceId }: { deviceId: string }) {
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: genericKeys,
    contract: findGeneric,
    input: { _type: "Log", deviceId },
    query: { order: "DESC", limit: 20 },
    refetchInterval: LIVE_REFETCH_MS,
  });

  return (
    <Section title="Logs" description="What the device logged, newest first.">
      <ListStates
        list={list}
        what="the logs"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="log entries" onFirstPage={reset}>
            <p>No log entries yet. The device&rsquo;s Log items show here once it syncs them.</p>
          </EmptyPage>
        }
      >
        {(items) => (
          <DataTable
            caption="Device logs"
            head={
              <ColumnHeads
                columns={[
                  ["Time", ""],
                  ["Message", ""],
                ]}
              />
            }
          >
            <tbody>
              {(items as LogItem[]).map((item) => (
                <tr key={String(item.id)} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Time value={item.created} />
                  </td>
                  <td className="px-3 py-2 [overflow-wrap:anywhere]">
                    {typeof item.message === "string" && item.message ? (
                      item.message
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                    {hasContext(item.context) && (
                      <span className="block font-mono text-xs text-muted">{JSON.stringify(item.context)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </ListStates>
    </Section>
  );
}
