"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { productKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { rotateProductToken, type ProductWithToken } from "@/lib/contracts/product";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Notice } from "../ui/notice";

// product/rotateToken: the old token dies at once, so the confirmation says what stops working.
export function RotateToken({ product }: { product: ProductWithToken }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // Outlives the dialog (closing resets its mutation): the notice below stays until the next try.
  const [rotated, setRotated] = useState(false);
  const { mutation: rotate, close } = useDialogMutation(
    {
      mutationFn: () => api.call(rotateProductToken, { id: product.id }),
      onSuccess: async (answer) => {
        queryClient.setQueryData(productKeys.detail(product.id), answer);
        setRotated(true);
        // The lists show the token's prefix, which just changed.
        await queryClient.invalidateQueries({ queryKey: productKeys.lists() });
      },
      closeOnSuccess: true,
    },
    () => setConfirming(false),
  );

  function open() {
    setRotated(false);
    setConfirming(true);
  }

  return (
    <section className="rounded-lg border border-red-200 p-4">
      <h3 className="font-semibold">Rotate token</h3>
      <p className="mt-1 text-sm text-muted">
        Issue a new product token if the current one has leaked. Firmware must then be built with the new one.
      </p>
      {rotated && (
        <div className="mt-3">
          <Notice tone="success">A new token is shown above; the old one no longer works.</Notice>
        </div>
      )}
      <Button look="danger" className="mt-3" onClick={open}>
        Rotate token
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Rotate the token of ${product.name}?`}
        confirmLabel="Rotate"
        pendingLabel="Rotating…"
        pending={rotate.isPending}
        error={rotate.error}
        onConfirm={() => rotate.mutate()}
        onClose={close}
      >
        The current token stops working at once: devices registering with the old token will be refused until their
        configuration carries the new one. Devices that already hold their device credentials keep working until they
        register again (after a release or a reset).
      </ConfirmDialog>
    </section>
  );
}
