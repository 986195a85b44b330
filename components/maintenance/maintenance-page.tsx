"use client";
import { useRef, useState } from "react";
import { maintenanceKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import { createMaintenance, findMaintenance, type MaintenanceView } from "@/lib/contracts/maintenance";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { EmptyPage, ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
import { CreateMaintenanceDialog } from "./create-maintenance-dialog";
import { MaintenanceRows } from "./maintenance-rows";
import { RemoveMaintenanceDialog } from "./remove-maintenance-dialog";

const COLUMNS = [
  ["Silences", ""],
  ["Status", ""],
  ["From", "hidden md:table-cell"],
  ["Until", ""],
  ["Reason", ""],
  ["By", "hidden lg:table-cell"],
] as const;

export function MaintenancePage() {
  const isAdmin = roleAllows(useCurrentRole(), createMaintenance.allow);
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: maintenanceKeys,
    contract: findMaintenance,
    input: {},
    query: { sort: "until", order: "DESC" },
  });
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<MaintenanceView | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const [now] = useState(Date.now);

  return (
    <>
      <PageHeader
        title="Maintenance"
        description="While a window is active, the alerts of its devices are recorded but silenced: no action hears of them."
        actions={
          isAdmin && (
            <Button ref={createButton} onClick={() => setCreating(true)}>
              Start a window
            </Button>
          )
        }
      />
      <ListStates
        list={list}
        what="maintenance windows"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="windows" onFirstPage={reset}>
            <p>No maintenance windows: every alert acts.</p>
          </EmptyPage>
        }
      >
        {(rows) => (
          <DataTable
            caption="Maintenance windows"
            head={
              <>
                <ColumnHeads columns={COLUMNS} />
                {isAdmin && <ActionsHead />}
              </>
            }
          >
            <MaintenanceRows items={rows} onRemove={isAdmin ? setRemoving : null} now={now} />
          </DataTable>
        )}
      </ListStates>
      <CreateMaintenanceDialog open={creating} onClose={() => setCreating(false)} fallbackFocus={createButton} />
      <RemoveMaintenanceDialog item={removing} onClose={() => setRemoving(null)} fallbackFocus={createButton} />
    </>
  );
}
