"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { removeAction, type ActionView } from "@/lib/contracts/action";
import { ConfirmDialog } from "../ui/confirm-dialog";

// action/remove takes its run history with it, so the confirmation says so; then the list is where to go.
export function RemoveActionDialog({
  action,
  open,
  onClose,
}: {
  action: Pick<ActionView, "id" | "name">;
  open: boolean;
  onClose: () => void;
}) {
  const api = useApi();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { mutation: remove, close } = useDialogMutation(
    {
      mutationFn: () => api.call(removeAction, { id: action.id }),
      onSuccess: async () => {
        router.push("/actions");
        await queryClient.invalidateQueries({ queryKey: actionKeys.lists() });
      },
    },
    onClose,
  );
  return (
    <ConfirmDialog
      open={open}
      title={`Remove ${action.name}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate()}
      onClose={close}
    >
      It stops at once, and its run history goes with it. Alerts it raised stay.
    </ConfirmDialog>
  );
}
