"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type RefObject } from "react";
import { ianaZone } from "@/lib/charts/format";
import { fromZonedInput, toZonedInput } from "@/lib/charts/zoned-input";
import { maintenanceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { createMaintenance, MAINTENANCE_SCOPES } from "@/lib/contracts/maintenance";
import { DevicePicker, useDeviceChoices } from "../dashboards/device-picker";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { FormErrorNotice } from "../ui/notice";

type Scope = (typeof MAINTENANCE_SCOPES)[number];
const SCOPES: ReadonlyArray<{ value: Scope; label: string }> = [
  { value: "device", label: "One device" },
  { value: "product", label: "Every device of a product" },
  { value: "account", label: "The whole account" },
];
const HOUR = 3_600_000;
const zone = () => ianaZone("local");

/**
 * The products the fleet's devices belong to. Only the owner lists products (product/find), so
 * an admin picks among those of the devices the account holds.
 */
function useFleetProducts() {
  const devices = useDeviceChoices().data?.data ?? [];
  const products = new Map(devices.map((device) => [device.productId, device.product]));
  return [...products].map(([value, name]) => ({ value, label: `${name} (${value})` }));
}

// maintenance/create: the window starts now and silences until the picked time.
export function CreateMaintenanceDialog({
  open,
  onClose,
  fallbackFocus,
}: {
  open: boolean;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const products = useFleetProducts();
  const [scope, setScope] = useState<Scope>("device");
  const [device, setDevice] = useState<string | null>(null);
  const [product, setProduct] = useState("");
  const [earliest] = useState(() => toZonedInput(Date.now(), zone()));
  const [until, setUntil] = useState(() => toZonedInput(Date.now() + 2 * HOUR, zone()));
  const [untilError, setUntilError] = useState<string>();
  const {
    mutation: create,
    close,
    fieldError,
  } = useDialogMutation(
    {
      mutationFn: (input: { scope: Scope; targetId: string; until: string; reason: string }) =>
        api.call(createMaintenance, input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: maintenanceKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const end = fromZonedInput(until, zone());
    setUntilError(Number.isNaN(end) ? "Pick a date and time" : undefined);
    if (Number.isNaN(end)) return;
    const targetId = scope === "device" ? (device ?? "") : scope === "product" ? product : "";
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    create.mutate({ scope, targetId, until: new Date(end).toISOString(), reason });
  }

  return (
    <Dialog open={open} title="Start a maintenance window" onClose={close} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="text-sm text-muted">
          Alerts raised meanwhile are still recorded, marked silenced, and no action hears of them.
        </p>
        <SelectField
          label="Silence"
          options={SCOPES}
          value={scope}
          error={fieldError("scope")}
          onChange={(e) => setScope(e.target.value as Scope)}
        />
        {scope === "device" && (
          <DevicePicker device={device} onChange={setDevice} none="Pick a device" error={fieldError("targetId")} />
        )}
        {scope === "product" && (
          <SelectField
            label="Product"
            options={[
              { value: "", label: products.length ? "Pick a product" : "No devices, so no products" },
              ...products,
            ]}
            value={product}
            error={fieldError("targetId")}
            onChange={(e) => setProduct(e.target.value)}
          />
        )}
        <TextField
          label="Until"
          type="datetime-local"
          value={until}
          min={earliest}
          onChange={(e) => setUntil(e.target.value)}
          hint="It starts now; at most a year from now."
          error={untilError ?? fieldError("until")}
        />
        <TextField
          label="Reason"
          name="reason"
          required
          maxLength={500}
          autoComplete="off"
          hint="What is going on, e.g. “firmware rollout”."
          error={fieldError("reason")}
        />
        <FormErrorNotice error={create.error} fields={["scope", "targetId", "until", "reason"]} />
        <FormFooter label="Start window" pendingLabel="Starting…" pending={create.isPending} onCancel={close} />
      </form>
    </Dialog>
  );
}
