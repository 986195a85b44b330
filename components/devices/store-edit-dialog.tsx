"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { storeKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { setStore, type StoreItem } from "@/lib/contracts/store";
import { Dialog } from "../ui/dialog";
import { FormErrorNotice } from "../ui/notice";
import { StoreValueForm, type StoreValueInput } from "./store-value-form";

interface StoreEditDialogProps {
  deviceId: string;
  /** The value to change; a new key when null. */
  item: StoreItem | null;
  open: boolean;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// store/set from a person: the cloud keeps the value and pushes it down to the device (decision 014).
export function StoreEditDialog({ deviceId, item, open, onClose, fallbackFocus }: StoreEditDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation, close, fieldError } = useDialogMutation(
    {
      mutationFn: (input: StoreValueInput) => api.call(setStore, { deviceId, ...input }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );

  return (
    <Dialog
      open={open}
      title={item ? `Edit ${item.key}` : "Set a Store value"}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      <p className="mb-4 text-sm text-muted">
        The device receives the new value at once while it is connected, otherwise at its next sync.
      </p>
      {/* Keyed by the item, so a reopened dialog starts from the value as it is now. */}
      <StoreValueForm
        key={item ? `${item.key}@${item.updated}` : "new"}
        item={item ?? undefined}
        onSubmit={(input) => mutation.mutate(input)}
        onCancel={close}
        pending={mutation.isPending}
        serverError={fieldError}
      >
        <FormErrorNotice error={mutation.error} fields={["key", "value"]} />
      </StoreValueForm>
    </Dialog>
  );
}
