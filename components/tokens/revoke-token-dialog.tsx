"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { tokenKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { removeToken } from "@/lib/contracts/token";
import { ConfirmDialog } from "../ui/confirm-dialog";

interface RevokeTokenDialogProps {
  token: { id: string; name: string; prefix: string } | null;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// token/remove: scripts holding the token fail at once, so the confirmation names it. Its row (the
// opener) disappears, hence the fallback focus.
export function RevokeTokenDialog({ token, onClose, fallbackFocus }: RevokeTokenDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation: revoke, close } = useDialogMutation(
    {
      mutationFn: (id: string) => api.call(removeToken, { id }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );

  return (
    <ConfirmDialog
      open={token !== null}
      title={token ? `Revoke ${token.name}?` : "Revoke token"}
      confirmLabel="Revoke"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() => token && revoke.mutate(token.id)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {token && (
        <>
          Anything using <strong>{token.name}</strong> (<span className="font-mono">{token.prefix}…</span>) stops
          working at once. This cannot be undone.
        </>
      )}
    </ConfirmDialog>
  );
}
