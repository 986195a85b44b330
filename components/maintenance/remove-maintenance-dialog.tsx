"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { maintenanceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { removeMaintenance, type MaintenanceView } from "@/lib/contracts/maintenance";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { scopeLabel } from "./maintenance-rows";

// maintenance/remove: alerts raised from now on act again, so the confirmation says what wakes up.
export function RemoveMaintenanceDialog({
  item,
  onClose,
  fallbackFocus,
}: {
  item: MaintenanceView | null;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation: remove, close } = useDialogMutation(
    {
      mutationFn: (id: string) => api.call(removeMaintenance, { id }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: maintenanceKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );
  return (
    <ConfirmDialog
      open={item !== null}
      title="Remove this maintenance window?"
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => item && remove.mutate(item.id)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {item && (
        <>
          <strong>{scopeLabel(item)}</strong>: its alerts act again at once. Actions hear of them and they count among
          the open alerts.
        </>
      )}
    </ConfirmDialog>
  );
}
