"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type RefObject } from "react";
import { storeKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findStore, removeStore, setStore, type StoreItem } from "@/lib/contracts/store";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyPage, ListStates } from "../ui/list-states";
import { Section } from "../ui/section";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";
import { LIVE_REFETCH_MS } from "./latest-values";
import { StoreEditDialog } from "./store-edit-dialog";
import { STORE_TYPE_LABELS, storeValueSummary } from "./store-value";

/** The device's Store (store/find), read again while the page is open, as the device keeps writing it. */
export function DeviceStore({ deviceId }: { deviceId: string }) {
  const role = useCurrentRole();
  const canSet = roleAllows(role, setStore.allow);
  const canRemove = roleAllows(role, removeStore.allow);
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: storeKeys,
    contract: findStore,
    input: { deviceId },
    query: { sort: "key" },
    refetchInterval: LIVE_REFETCH_MS,
  });
  // null: a new key; undefined: closed.
  const [editing, setEditing] = useState<StoreItem | null | undefined>(undefined);
  const [removing, setRemoving] = useState<StoreItem | null>(null);
  const setButton = useRef<HTMLButtonElement>(null);

  return (
    <Section
      title="Store"
      description="The device's key/value Store. A value set here reaches the device through sync: at once while it is connected, otherwise at its next sync."
      actions={
        canSet && (
          <Button ref={setButton} look="secondary" onClick={() => setEditing(null)}>
            Set a value
          </Button>
        )
      }
    >
      <ListStates
        list={list}
        what="the Store"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="values" onFirstPage={reset}>
            <p>No Store values yet. The device&rsquo;s values show here once it syncs them.</p>
          </EmptyPage>
        }
      >
        {(items) => (
          <DataTable
            caption="Store values"
            head={
              <>
                <ColumnHeads
                  columns={[
                    ["Key", ""],
                    ["Value", ""],
                    ["Updated", "hidden sm:table-cell"],
                  ]}
                />
                {canSet && <ActionsHead />}
              </>
            }
          >
            <tbody>
              {items.map((item) => (
                <tr key={item.key} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium [overflow-wrap:anywhere]">
                    {item.key}
                  </th>
                  <td className="px-3 py-2">
                    <span className="font-mono [overflow-wrap:anywhere]">{storeValueSummary(item)}</span>
                    <span className="block text-xs text-muted">{STORE_TYPE_LABELS[item.type]}</span>
                  </td>
                  <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">
                    <Time value={item.updated} />
                  </td>
                  {canSet && (
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      <Button look="quiet" aria-label={`Edit ${item.key}`} onClick={() => setEditing(item)}>
                        Edit
                      </Button>
                      {canRemove && (
                        <Button look="quiet" aria-label={`Remove ${item.key}`} onClick={() => setRemoving(item)}>
                          Remove
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </ListStates>
      <StoreEditDialog
        deviceId={deviceId}
        item={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        fallbackFocus={setButton}
      />
      <RemoveStoreValue
        deviceId={deviceId}
        item={removing}
        onClose={() => setRemoving(null)}
        fallbackFocus={setButton}
      />
    </Section>
  );
}

// store/remove: gone from the cloud, and from the device through sync.
function RemoveStoreValue({
  deviceId,
  item,
  onClose,
  fallbackFocus,
}: {
  deviceId: string;
  item: StoreItem | null;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation, close } = useDialogMutation(
    {
      mutationFn: (key: string) => api.call(removeStore, { deviceId, key }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );
  return (
    <ConfirmDialog
      open={item !== null}
      title={`Remove ${item?.key ?? ""}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => item && mutation.mutate(item.key)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      The value is removed from the cloud and, through sync, from the device.
    </ConfirmDialog>
  );
}
