"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { userKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { removeUser, type UserView } from "@/lib/contracts/user";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { ErrorNotice } from "../ui/notice";

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
  const remove = useMutation({
    mutationFn: (id: string) => api.call(removeUser, { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      close();
    },
  });

  function close() {
    remove.reset();
    onClose();
  }

  return (
    <Dialog
      open={user !== null}
      title={user ? `Remove ${user.email}?` : "Remove user"}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {user && (
        <>
          <p className="text-sm">
            <strong className="break-all">{user.email}</strong> loses access to this account at once, and every token
            they created stops working. This cannot be undone; you can invite them again later.
          </p>
          {remove.isError && (
            <div className="mt-4">
              <ErrorNotice error={remove.error} />
            </div>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <Button look="secondary" onClick={close}>
              Cancel
            </Button>
            <Button look="danger" disabled={remove.isPending} onClick={() => remove.mutate(user.id)}>
              {remove.isPending ? "Removing…" : "Remove"}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
