"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findDevices } from "@/lib/contracts/device";
import { SelectField, TextField } from "../ui/field";

/** The picker lists this many devices by name; a larger fleet is searched (device/find's filter=). */
const LISTED = 100;

/** The account's devices to pick from, by name, narrowed by `search` (ID, name, description or model). */
export function useDeviceChoices(search = "") {
  const api = useApi();
  const query = { limit: LISTED, sort: "name", ...(search ? { filter: search } : {}) };
  return useQuery({
    queryKey: deviceKeys.list({}, query),
    queryFn: () => api.list(findDevices, {}, query),
    placeholderData: keepPreviousData,
  });
}

/** A device of the account, or none (`none` names what no device means); the dashboard's picks what `${device}` stands for. */
export function DevicePicker({
  device,
  onChange,
  label = "Device",
  none = "No device",
  error,
}: {
  device: string | null;
  onChange: (device: string | null) => void;
  label?: string;
  none?: string;
  error?: string;
}) {
  const [search, setSearch] = useState("");
  const devices = useDeviceChoices(useDeferredValue(search.trim()));
  // A search field only where the list cannot hold the whole fleet.
  const searchable = search !== "" || Boolean(devices.data?.next);
  const options = (devices.data?.data ?? []).map((d) => ({
    value: d.id,
    label: d.name ? `${d.name} (${d.id})` : d.id,
  }));
  // A device named by a link but not among those listed still shows as picked.
  if (device && !options.some((o) => o.value === device)) options.unshift({ value: device, label: device });
  return (
    <div className="flex flex-wrap items-end gap-2">
      {searchable && (
        <div className="w-40">
          <TextField
            label="Find a device"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="ID or name"
            autoComplete="off"
          />
        </div>
      )}
      <div className="w-56">
        <SelectField
          label={label}
          value={device ?? ""}
          error={error}
          onChange={(e) => onChange(e.target.value || null)}
          options={[{ value: "", label: devices.isPending ? "Loading devices…" : none }, ...options]}
        />
      </div>
    </div>
  );
}
