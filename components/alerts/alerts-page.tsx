"use client";
import { useState } from "react";
import { alertKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findAlerts, updateAlerts } from "@/lib/contracts/alert";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { ColumnHeads, DataTable } from "../ui/table";
import { AlertFilters, alertFindBody, DEFAULT_ALERT_FILTERS, type AlertFilterValues } from "./alert-filters";
import { AlertRows } from "./alert-rows";
import { BulkBar } from "./bulk-bar";

const COLUMNS = [
  ["Severity", ""],
  ["Alert", ""],
  ["Device", "hidden md:table-cell"],
  ["State", "hidden sm:table-cell"],
  ["Count", "hidden text-right lg:table-cell"],
  ["Last raised", ""],
] as const;
/** New alerts arrive while the inbox is open: it reads its page again this often while visible. */
const REFETCH_MS = 10_000;

/** The inbox: the account's alerts, most recently raised first, filtered, with bulk acknowledge and resolve. */
export function AlertsPage() {
  const canChange = roleAllows(useCurrentRole(), updateAlerts.allow);
  const [values, setValues] = useState<AlertFilterValues>(DEFAULT_ALERT_FILTERS);
  // "In the last hour" is measured from when the filter was picked, so the key holds still.
  const [since, setSince] = useState(Date.now);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { list, setCursor, reset } = usePagedList({
    keys: alertKeys,
    contract: findAlerts,
    input: alertFindBody(values, since),
    query: { sort: "updated", order: "DESC" },
    refetchInterval: REFETCH_MS,
  });
  const rows = list.data?.data ?? [];
  // Only what is on screen can be selected: a selection never acts on rows the reader cannot see.
  const shownSelected = rows.filter((alert) => selected.has(alert.id)).map((alert) => alert.id);
  const allSelected = rows.length > 0 && shownSelected.length === rows.length;

  function change(next: AlertFilterValues) {
    setValues(next);
    setSince(Date.now());
    setSelected(new Set());
    reset();
  }
  function toggle(id: string) {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  }
  const filtered = JSON.stringify(values) !== JSON.stringify(DEFAULT_ALERT_FILTERS);

  return (
    <>
      <PageHeader
        title="Alerts"
        description="What needs attention in the fleet, most recently raised first."
        actions={
          filtered && (
            <Button look="secondary" onClick={() => change(DEFAULT_ALERT_FILTERS)}>
              Clear filters
            </Button>
          )
        }
      />
      <AlertFilters values={values} onChange={change} />
      {canChange && <BulkBar selected={shownSelected} onDone={() => setSelected(new Set())} />}
      <ListStates
        list={list}
        what="alerts"
        onPage={(cursor) => {
          setSelected(new Set());
          setCursor(cursor);
        }}
        empty={
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm">
            {filtered ? "No alerts match these filters." : "Nothing needs attention: no unresolved alerts."}
          </p>
        }
      >
        {(alerts) => (
          <DataTable
            caption="Alerts"
            head={
              <>
                {canChange && (
                  <th scope="col" className="w-10 px-3 py-2 text-left">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={allSelected}
                      onChange={() => setSelected(new Set(allSelected ? [] : alerts.map((alert) => alert.id)))}
                      aria-label="Select every alert on this page"
                    />
                  </th>
                )}
                <ColumnHeads columns={COLUMNS} />
              </>
            }
          >
            <AlertRows alerts={alerts} selected={canChange ? selected : null} onToggle={toggle} />
          </DataTable>
        )}
      </ListStates>
    </>
  );
}
