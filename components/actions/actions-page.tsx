"use client";
import Link from "next/link";
import { actionKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import { createAction, findActions } from "@/lib/contracts/action";
import { roleAllows } from "@/lib/contracts/verb";
import { buttonClass } from "../ui/button";
import { EmptyPage, ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { ColumnHeads, DataTable } from "../ui/table";
import { ActionRows } from "./action-rows";

const COLUMNS = [
  ["Name", ""],
  ["What it does", ""],
  ["Enabled", ""],
  ["Last run", "hidden md:table-cell"],
] as const;
/** Runs happen while the list is open: it reads again this often while visible. */
const REFETCH_MS = 15_000;

export function ActionsPage() {
  const isAdmin = roleAllows(useCurrentRole(), createAction.allow);
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: actionKeys,
    contract: findActions,
    input: {},
    query: { sort: "name" },
    refetchInterval: REFETCH_MS,
  });
  return (
    <>
      <PageHeader
        title="Actions"
        description="Automations: when something happens in the fleet, do one thing."
        actions={
          isAdmin && (
            <Link href="/actions/new" className={buttonClass()}>
              New action
            </Link>
          )
        }
      />
      <ListStates
        list={list}
        what="actions"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="actions" onFirstPage={reset}>
            <p>
              No actions yet.{" "}
              {isAdmin ? "Create one to be told when a device runs hot or goes offline." : "Admins create them."}
            </p>
          </EmptyPage>
        }
      >
        {(rows) => (
          <DataTable caption="Actions" head={<ColumnHeads columns={COLUMNS} />}>
            <ActionRows actions={rows} canEnable={isAdmin} />
          </DataTable>
        )}
      </ListStates>
    </>
  );
}
