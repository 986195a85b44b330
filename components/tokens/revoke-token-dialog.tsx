"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { tokenKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { removeToken } from "@/lib/contracts/token";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { ErrorNotice } from "../ui/notice";

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
  const revoke = useMutation({
    mutationFn: (id: string) => api.call(removeToken, { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.lists() });
      close();
    },
  });

  function close() {
    revoke.reset();
    onClose();
  }

  return (
    <Dialog
      open={token !== null}
      title={token ? `Revoke ${token.name}?` : "Revoke token"}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {token && (
        <>
          <p className="text-sm">
            Anything using <strong>{token.name}</strong> (<span className="font-mono">{token.prefix}…</span>) stops
            working at once. This cannot be undone.
          </p>
          {revoke.isError && (
            <div className="mt-4">
              <ErrorNotice error={revoke.error} />
            </div>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <Button look="secondary" onClick={close}>
              Cancel
            </Button>
            <Button look="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
              {revoke.isPending ? "Revoking…" : "Revoke"}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
