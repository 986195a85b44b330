"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { userKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { removeUser, type UserView } from "@/lib/contracts/user";
import { ConfirmDialog } from "../ui/confirm-dialog";

interface RemoveUserDialogProps {
  user: UserView | null;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// user/remove: the person and every token they hold die at once, so the confirmation names them.
// Their row (the opener) disappears, hence the fallback focus.
export function RemoveUserDialog({ user, onClose, fallbackFocus }: RemoveUserDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation: remove, close } = useDialogMutation(
    {
      mutationFn: (id: string) => api.call(removeUser, { id }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );

  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? `Remove ${user.email}?` : "Remove user"}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => user && remove.mutate(user.id)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {user && (
        <>
          <strong className="break-all">{user.email}</strong> loses access to this account at once, and every token they
          created stops working. This cannot be undone; you can invite them again later.
        </>
      )}
    </ConfirmDialog>
  );
}
