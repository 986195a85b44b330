"use client";
import { useQuery } from "@tanstack/react-query";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findDevices } from "@/lib/contracts/device";
import { SelectField } from "../ui/field";

const QUERY = { limit: 100, sort: "name" } as const;

/** The account's devices to pick from, by name. */
export function useDeviceChoices() {
  const api = useApi();
  return useQuery({ queryKey: deviceKeys.list({}, QUERY), queryFn: () => api.list(findDevices, {}, QUERY) });
}

/** The device that `${device}` in widget dimensions stands for. */
export function DevicePicker({
  device,
  onChange,
}: {
  device: string | null;
  onChange: (device: string | null) => void;
}) {
  const devices = useDeviceChoices();
  const options = (devices.data?.data ?? []).map((d) => ({
    value: d.id,
    label: d.name ? `${d.name} (${d.id})` : d.id,
  }));
  // A device named by a link but not among those listed still shows as picked.
  if (device && !options.some((o) => o.value === device)) options.unshift({ value: device, label: device });
  return (
    <div className="w-56">
      <SelectField
        label="Device"
        value={device ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        options={[{ value: "", label: devices.isPending ? "Loading devices…" : "No device" }, ...options]}
      />
    </div>
  );
}
