"use client";
import { ALERT_STATES, SEVERITIES, type AlertState, type Severity } from "@/lib/contracts/alert";
import { DevicePicker } from "../dashboards/device-picker";
import { SelectField } from "../ui/field";
import { SEVERITY_OPTIONS } from "./severity";

/** The inbox's filters as its inputs hold them; "" is "any". */
export interface AlertFilterValues {
  severity: Severity | "";
  /** "unresolved" is open or acknowledged: what still needs someone. */
  state: AlertState | "unresolved" | "";
  deviceId: string;
  /** Seconds back from now the alert was last raised within; "" for any time. */
  within: string;
}

/** Open or acknowledged: what still needs someone (the badge, the widget and the inbox's default). */
export const UNRESOLVED_STATES: AlertState[] = ["open", "acknowledged"];

export const DEFAULT_ALERT_FILTERS: AlertFilterValues = { severity: "", state: "unresolved", deviceId: "", within: "" };

const STATE_OPTIONS = [
  { value: "unresolved", label: "Unresolved" },
  { value: "open", label: "Open (not acknowledged)" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "", label: "Any state" },
];

const WITHIN_OPTIONS = [
  { value: "", label: "Any time" },
  { value: "3600", label: "In the last hour" },
  { value: "86400", label: "In the last 24 hours" },
  { value: "604800", label: "In the last 7 days" },
  { value: "2592000", label: "In the last 30 days" },
];

const isSeverity = (value: string): value is AlertFilterValues["severity"] =>
  value === "" || (SEVERITIES as readonly string[]).includes(value);
const isState = (value: string): value is AlertFilterValues["state"] =>
  value === "" || value === "unresolved" || (ALERT_STATES as readonly string[]).includes(value);

/**
 * The alert/find body (docs/api.md#lists). `now` anchors "in the last hour": the caller keeps it
 * fixed while the filters stay the same, so the list's key (and its cursors) hold still.
 */
export function alertFindBody(values: AlertFilterValues, now: number) {
  return {
    ...(values.severity ? { severity: values.severity } : {}),
    ...(values.state === "unresolved" ? { state__in: UNRESOLVED_STATES } : values.state ? { state: values.state } : {}),
    ...(values.deviceId ? { deviceId: values.deviceId } : {}),
    ...(values.within ? { updated__gte: new Date(now - Number(values.within) * 1000).toISOString() } : {}),
  };
}

export function AlertFilters({
  values,
  onChange,
}: {
  values: AlertFilterValues;
  onChange: (values: AlertFilterValues) => void;
}) {
  return (
    <fieldset className="mb-4 flex flex-wrap items-end gap-3">
      <legend className="sr-only">Filter the alerts</legend>
      <div className="w-44">
        <SelectField
          label="Severity"
          value={values.severity}
          options={[{ value: "", label: "Any severity" }, ...SEVERITY_OPTIONS]}
          onChange={(e) => isSeverity(e.target.value) && onChange({ ...values, severity: e.target.value })}
        />
      </div>
      <div className="w-52">
        <SelectField
          label="State"
          value={values.state}
          options={STATE_OPTIONS}
          onChange={(e) => isState(e.target.value) && onChange({ ...values, state: e.target.value })}
        />
      </div>
      <DevicePicker
        device={values.deviceId || null}
        none="Any device"
        onChange={(deviceId) => onChange({ ...values, deviceId: deviceId ?? "" })}
      />
      <div className="w-48">
        <SelectField
          label="Last raised"
          value={values.within}
          options={WITHIN_OPTIONS}
          onChange={(e) => onChange({ ...values, within: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
