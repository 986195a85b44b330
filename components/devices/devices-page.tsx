"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useRef, useState } from "react";
import type { ListQuery } from "@/lib/api/client";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findDevices } from "@/lib/contracts/device";
import { roleAllows } from "@/lib/contracts/verb";
import { usePortalSession } from "@/lib/session/client";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { Pager } from "../ui/pager";
import { ClaimDialog } from "./claim-dialog";
import { DeviceRows } from "./device-rows";
import { NoDevices } from "./no-devices";
import { SortHeader, type SortState } from "./sort-header";

const STATES = [
  { value: "", label: "Any state" },
  { value: "claimed", label: "Claimed" },
  { value: "provisioned", label: "Provisioned" },
];

export function DevicesPage() {
  const api = useApi();
  const canClaim = roleAllows(usePortalSession()?.user.role ?? "viewer", ["user"]);
  const [text, setText] = useState("");
  const [state, setState] = useState("");
  const [sort, setSort] = useState<SortState>({ field: "created", order: "ASC" });
  const [cursor, setCursor] = useState<Pick<ListQuery, "next" | "prev">>({});
  const [claiming, setClaiming] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const filter = useDeferredValue(text);
  const claimButton = useRef<HTMLButtonElement>(null);

  const filters = state ? { state } : {};
  const query: ListQuery = { limit: 25, sort: sort.field, order: sort.order, filter, ...cursor };
  const devices = useQuery({
    queryKey: deviceKeys.list(filters, query),
    queryFn: () => api.list(findDevices, filters as { state?: "claimed" }, query),
    placeholderData: keepPreviousData,
  });
  const restart =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setCursor({});
    };
  const unfiltered = !filter && !state && !cursor.next && !cursor.prev;

  return (
    <>
      <PageHeader
        title="Devices"
        description="Your fleet: every device claimed into this account."
        actions={
          canClaim && (
            <Button ref={claimButton} onClick={() => setClaiming(true)}>
              Claim device
            </Button>
          )
        }
      />
      <div className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem]">
        <TextField
          label="Search"
          type="search"
          placeholder="ID, name, description or model"
          value={text}
          onChange={(e) => restart(setText)(e.target.value)}
        />
        <SelectField label="State" options={STATES} value={state} onChange={(e) => restart(setState)(e.target.value)} />
      </div>
      {devices.isPending && <Loading what="devices" />}
      {devices.isError && <ErrorNotice error={devices.error} />}
      {devices.data && devices.data.data.length === 0 && unfiltered && (
        <NoDevices canClaim={canClaim} onClaim={() => setClaiming(true)} />
      )}
      {devices.data && devices.data.data.length === 0 && !unfiltered && (
        <p className="py-8 text-center text-sm text-muted">No devices match.</p>
      )}
      {devices.data && devices.data.data.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Devices, sortable by column</caption>
            <thead className="bg-slate-50">
              <tr>
                <SortHeader label="ID" field="id" sort={sort} onSort={restart(setSort)} />
                <SortHeader label="Name" field="name" sort={sort} onSort={restart(setSort)} />
                <th scope="col" className="hidden px-3 py-2 text-left font-medium md:table-cell">
                  Product
                </th>
                <SortHeader
                  label="State"
                  field="state"
                  sort={sort}
                  onSort={restart(setSort)}
                  className="hidden sm:table-cell"
                />
                <SortHeader label="Connection" field="connection" sort={sort} onSort={restart(setSort)} />
                <SortHeader
                  label="Last seen"
                  field="accessed"
                  sort={sort}
                  onSort={restart(setSort)}
                  className="hidden md:table-cell"
                />
              </tr>
            </thead>
            <DeviceRows devices={devices.data.data} highlight={highlight} />
          </table>
        </div>
      )}
      {devices.data && <Pager page={devices.data} onPage={setCursor} />}
      <ClaimDialog
        open={claiming}
        onClose={() => setClaiming(false)}
        onClaimed={setHighlight}
        fallbackFocus={claimButton}
      />
    </>
  );
}
