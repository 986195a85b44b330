"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useRef, useState } from "react";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import { deviceState, findDevices } from "@/lib/contracts/device";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { ColumnHeads, DataTable } from "../ui/table";
import { ClaimDialog } from "./claim-dialog";
import { DeviceRows } from "./device-rows";
import { NoDevices } from "./no-devices";
import { SortHeader, type SortState } from "./sort-header";

const devicesCount = (n: number) => `${n} ${n === 1 ? "device" : "devices"}`;

/** How many devices the fleet holds, whatever the page shows; claims and releases refresh it (lists key). */
function useFleetTotal(): number | undefined {
  const api = useApi();
  const query = { limit: 1, total: true };
  const fleet = useQuery({
    queryKey: deviceKeys.list({}, query),
    queryFn: () => api.list(findDevices, {}, query),
  });
  return fleet.data?.total_count;
}

const STATES = [
  { value: "", label: "Any state" },
  { value: "claimed", label: "Claimed" },
  { value: "provisioned", label: "Provisioned" },
];

export function DevicesPage() {
  const canClaim = roleAllows(useCurrentRole(), ["user"]);
  const [text, setText] = useState("");
  const [state, setState] = useState("");
  const [sort, setSort] = useState<SortState>({ field: "created", order: "ASC" });
  const [claiming, setClaiming] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const filter = useDeferredValue(text);
  const claimButton = useRef<HTMLButtonElement>(null);
  const fleetTotal = useFleetTotal();

  const stateFilter = deviceState.safeParse(state);
  const {
    list: devices,
    setCursor,
    reset,
    firstPage,
  } = usePagedList({
    keys: deviceKeys,
    contract: findDevices,
    input: stateFilter.success ? { state: stateFilter.data } : {},
    query: { sort: sort.field, order: sort.order, filter, total: true },
  });
  // A cursor belongs to the search, state and sort it was read with.
  const restart =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      reset();
    };
  const unfiltered = !filter && !state && firstPage;
  const matching = devices.data?.total_count;

  return (
    <>
      <PageHeader
        title="Devices"
        description={
          fleetTotal === undefined
            ? "Your fleet: every device claimed into this account."
            : `Your fleet: ${devicesCount(fleetTotal)} claimed into this account.`
        }
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
      <p role="status" className="mb-2 text-sm text-muted">
        {(filter || state) && matching ? `${devicesCount(matching)} ${matching === 1 ? "matches" : "match"}.` : ""}
      </p>
      <ListStates
        list={devices}
        what="devices"
        onPage={setCursor}
        empty={
          unfiltered ? (
            <NoDevices canClaim={canClaim} onClaim={() => setClaiming(true)} />
          ) : (
            <p className="py-8 text-center text-sm text-muted">No devices match.</p>
          )
        }
      >
        {(rows) => (
          <DataTable
            caption="Devices, sortable by column"
            head={
              <>
                <SortHeader label="ID" field="id" sort={sort} onSort={restart(setSort)} />
                <SortHeader label="Name" field="name" sort={sort} onSort={restart(setSort)} />
                <ColumnHeads columns={[["Product", "hidden md:table-cell"]]} />
                <SortHeader
                  label="State"
                  field="state"
                  sort={sort}
                  onSort={restart(setSort)}
                  className="hidden lg:table-cell"
                />
                <SortHeader
                  label="Connection"
                  field="connection"
                  sort={sort}
                  onSort={restart(setSort)}
                  className="hidden sm:table-cell"
                />
                <SortHeader label="Last seen" field="accessed" sort={sort} onSort={restart(setSort)} />
              </>
            }
          >
            <DeviceRows devices={rows} highlight={highlight} />
          </DataTable>
        )}
      </ListStates>
      <ClaimDialog
        open={claiming}
        onClose={() => setClaiming(false)}
        onClaimed={setHighlight}
        fallbackFocus={claimButton}
      />
    </>
  );
}
