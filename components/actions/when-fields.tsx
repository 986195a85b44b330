"use client";
import { TRIGGERS, type Trigger } from "@/lib/contracts/action";
import type { Severity } from "@/lib/contracts/alert";
import { SEVERITY_OPTIONS } from "../alerts/severity";
import { DevicePicker } from "../dashboards/device-picker";
import { CodeSnippet } from "../ui/code-snippet";
import { SelectField, TextField } from "../ui/field";
import type { DraftFields } from "./draft-fields";
import { MetricTriggerFields } from "./metric-trigger-fields";
import { SCHEDULE_PRESETS } from "./schedule-presets";

const TRIGGER_LABELS: Record<Trigger, string> = {
  metric: "A metric crosses a threshold",
  device: "A device goes offline",
  schedule: "On a schedule",
  alert: "A new alert is raised",
  manual: "Only when run by hand",
  http: "An incoming webhook is called",
};
const CUSTOM = "";

/** The schedule picked from presets, or typed as a cron line, in a time zone. */
function ScheduleFields({ draft, set, errorOf }: DraftFields) {
  const preset = SCHEDULE_PRESETS.find((one) => one.cron === draft.schedule.trim())?.cron ?? CUSTOM;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Runs"
        value={preset}
        options={[
          ...SCHEDULE_PRESETS.map((one) => ({ value: one.cron, label: one.label })),
          { value: CUSTOM, label: "Custom (a cron line)" },
        ]}
        onChange={(e) => e.target.value !== CUSTOM && set({ schedule: e.target.value })}
      />
      <TextField
        label="Cron line"
        value={draft.schedule}
        onChange={(e) => set({ schedule: e.target.value })}
        error={errorOf("schedule")}
        spellCheck={false}
        className="font-mono"
        hint="minute hour day month weekday, e.g. 30 6 * * 1-5 is 06:30 on weekdays."
      />
      <TextField
        label="Time zone"
        value={draft.timezone}
        onChange={(e) => set({ timezone: e.target.value })}
        error={errorOf("timezone")}
        spellCheck={false}
        hint="Such as Europe/Paris or UTC."
      />
    </div>
  );
}

/** "When": what fires the action, with the fields of the trigger picked. `webhookUrl` exists once the action does. */
export function WhenFields({ webhookUrl, ...fields }: DraftFields & { webhookUrl: string | null }) {
  const { draft, set, errorOf } = fields;
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 font-semibold">When</legend>
      <SelectField
        label="Trigger"
        value={draft.trigger}
        options={TRIGGERS.map((trigger) => ({ value: trigger, label: TRIGGER_LABELS[trigger] }))}
        onChange={(e) => set({ trigger: e.target.value as Trigger })}
        error={errorOf("trigger")}
      />
      {draft.trigger === "metric" && <MetricTriggerFields {...fields} />}
      {draft.trigger === "device" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <DevicePicker
            device={draft.deviceId}
            onChange={(deviceId) => set({ deviceId })}
            none="Every device"
            error={errorOf("deviceId")}
          />
          <TextField
            label="Offline for (minutes)"
            type="number"
            min={1}
            step="any"
            value={draft.holdMinutes}
            onChange={(e) => set({ holdMinutes: e.target.value })}
            error={errorOf("hold")}
            hint="At least 1 minute; a device back within this time fires nothing."
          />
        </div>
      )}
      {draft.trigger === "schedule" && <ScheduleFields {...fields} />}
      {draft.trigger === "alert" && (
        <SelectField
          label="Of severity"
          value={draft.minSeverity}
          options={SEVERITY_OPTIONS.map((option) => ({ ...option, label: `${option.label} or worse` }))}
          onChange={(e) => set({ minSeverity: e.target.value as Severity })}
          error={errorOf("minSeverity")}
        />
      )}
      {draft.trigger === "manual" && (
        <p className="text-sm text-muted">
          It runs when someone presses <strong>Invoke now</strong> on its page, or a script calls action/invoke with its
          name.
        </p>
      )}
      {draft.trigger === "http" &&
        (webhookUrl ? (
          <CodeSnippet
            title="Its webhook URL"
            code={webhookUrl}
            copyLabel="Copy URL"
            note="Callers sign the body with the action's secret (shown once, when it was created)."
          />
        ) : (
          <p className="text-sm text-muted">Its webhook URL appears here once the action is created.</p>
        ))}
    </fieldset>
  );
}
