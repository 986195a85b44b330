"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { releaseDevice, type DeviceView } from "@/lib/contracts/device";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";

// device/release: back to the unclaimed pool; its tokens die at once, so the confirmation names it.
export function ReleaseDevice({ device }: { device: DeviceView }) {
  const api = useApi();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const label = device.name ? `${device.name} (${device.id})` : device.id;
  const { mutation: release, close } = useDialogMutation(
    {
      mutationFn: () => api.call(releaseDevice, { id: device.id }),
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: deviceKeys.detail(device.id) });
        await queryClient.invalidateQueries({ queryKey: deviceKeys.lists() });
        router.push("/devices");
      },
    },
    () => setConfirming(false),
  );

  return (
    <section className="rounded-lg border border-red-200 bg-white p-4">
      <h2 className="font-semibold">Release</h2>
      <p className="mt-1 text-sm text-muted">
        The device leaves this account and waits to be claimed again. Its credentials stop working at once.
      </p>
      <Button look="danger" className="mt-3" onClick={() => setConfirming(true)}>
        Release device
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Release ${label}?`}
        confirmLabel="Release"
        pendingLabel="Releasing…"
        pending={release.isPending}
        error={release.error}
        onConfirm={() => release.mutate()}
        onClose={close}
      >
        <strong>{label}</strong> will be disconnected and returned to the unclaimed pool. Its history stays with this
        account.
      </ConfirmDialog>
    </section>
  );
}
