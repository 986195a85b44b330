"use client";
import { useQuery } from "@tanstack/react-query";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findActions, STEP_TYPES, type StepType } from "@/lib/contracts/action";
import type { Severity } from "@/lib/contracts/alert";
import { SEVERITY_OPTIONS } from "../alerts/severity";
import { SelectField, TextArea, TextField } from "../ui/field";
import type { DraftFields } from "./draft-fields";

const STEP_LABELS: Record<StepType, string> = {
  alert: "Raise an alert",
  resolve: "Resolve an alert",
  http: "POST a webhook",
  email: "Send an email",
  device: "Send a command to a device",
  database: "Set a Store value of a device",
  metric: "Record a metric",
};
const TEMPLATE_HINT = "You may use ${device}, ${value}, ${metric} and ${name}.";
const DEVICE_HINT = "A device ID; empty: the device that fired it.";

/** Which alert a resolve step resolves: the one another action raised for the same device or series, or a seq. */
function ResolveFields({ draft, set, errorOf }: DraftFields) {
  const api = useApi();
  const query = { limit: 100, sort: "name" };
  const raisers = useQuery({
    queryKey: actionKeys.list({ type: "alert" }, query),
    queryFn: () => api.list(findActions, { type: "alert" }, query),
  });
  const names = (raisers.data?.data ?? []).map((action) => action.name);
  if (draft.resolveAction && !names.includes(draft.resolveAction)) names.unshift(draft.resolveAction);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="The alert raised by"
        value={draft.resolveAction}
        options={[
          { value: "", label: raisers.isPending ? "Loading actions…" : "Pick an action" },
          ...names.map((name) => ({ value: name, label: name })),
        ]}
        onChange={(e) => set({ resolveAction: e.target.value })}
        error={errorOf("args.action")}
        hint="Its unresolved alert for the same device or series is resolved."
      />
      <TextField
        label="Or the alert's seq (optional)"
        value={draft.resolveSeq}
        onChange={(e) => set({ resolveSeq: e.target.value })}
        error={errorOf("args.seq")}
        spellCheck={false}
        autoComplete="off"
        hint="Used instead when given; ${device} and the like may be used."
      />
    </div>
  );
}

/** "Then": the one step the action takes, with the fields of the step picked. */
export function ThenFields({ draft, set, errorOf }: DraftFields) {
  const message = (label: string) => (
    <TextArea
      label={label}
      rows={2}
      value={draft.message}
      onChange={(e) => set({ message: e.target.value })}
      error={errorOf("message")}
      hint={TEMPLATE_HINT}
    />
  );
  const destination = (label: string, hint: string, type = "text") => (
    <TextField
      label={label}
      type={type}
      value={draft.destination}
      onChange={(e) => set({ destination: e.target.value })}
      error={errorOf("destination")}
      hint={hint}
      spellCheck={false}
      autoComplete="off"
    />
  );
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 font-semibold">Then</legend>
      <SelectField
        label="Step"
        value={draft.type}
        options={STEP_TYPES.map((type) => ({ value: type, label: STEP_LABELS[type] }))}
        onChange={(e) => set({ type: e.target.value as StepType })}
        error={errorOf("type")}
      />
      {draft.type === "alert" && (
        <>
          <SelectField
            label="Severity"
            value={draft.severity}
            options={SEVERITY_OPTIONS}
            onChange={(e) => set({ severity: e.target.value as Severity })}
            error={errorOf("severity")}
          />
          {message("Alert message (optional)")}
        </>
      )}
      {draft.type === "resolve" && <ResolveFields draft={draft} set={set} errorOf={errorOf} />}
      {draft.type === "http" && (
        <>
          {destination("URL", "It receives a JSON body, signed with the action's secret.", "url")}
          {message("Message (optional)")}
        </>
      )}
      {draft.type === "email" && (
        <>
          {destination("To", "Email addresses, separated by commas.")}
          {message("Message")}
        </>
      )}
      {draft.type === "device" && (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Command"
              value={draft.command}
              onChange={(e) => set({ command: e.target.value })}
              error={errorOf("args.command")}
              hint="A command the device knows, e.g. reboot."
              autoComplete="off"
            />
            {destination("Device", DEVICE_HINT)}
          </div>
          <TextField
            label="Arguments (JSON, optional)"
            value={draft.commandArgs}
            onChange={(e) => set({ commandArgs: e.target.value })}
            error={errorOf("args.args")}
            spellCheck={false}
            className="font-mono"
          />
        </>
      )}
      {draft.type === "database" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Store key"
            value={draft.storeKey}
            onChange={(e) => set({ storeKey: e.target.value })}
            error={errorOf("args.key")}
            autoComplete="off"
          />
          <SelectField
            label="Type"
            value={draft.storeType}
            options={[
              { value: "string", label: "Text" },
              { value: "number", label: "Number" },
              { value: "boolean", label: "Yes / no" },
            ]}
            onChange={(e) => set({ storeType: e.target.value as "string" | "number" | "boolean" })}
          />
          {draft.storeType === "boolean" ? (
            <SelectField
              label="Value"
              value={draft.storeValue === "true" ? "true" : "false"}
              options={[
                { value: "true", label: "Yes (true)" },
                { value: "false", label: "No (false)" },
              ]}
              onChange={(e) => set({ storeValue: e.target.value })}
            />
          ) : (
            <TextField
              label="Value"
              value={draft.storeValue}
              onChange={(e) => set({ storeValue: e.target.value })}
              error={errorOf("args.value")}
              autoComplete="off"
            />
          )}
          {destination("Device", DEVICE_HINT)}
        </div>
      )}
      {draft.type === "metric" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Metric to record"
            value={draft.metricName}
            onChange={(e) => set({ metricName: e.target.value })}
            error={errorOf("args.metric")}
            autoComplete="off"
          />
          <TextField
            label="Value"
            value={draft.metricValue}
            onChange={(e) => set({ metricValue: e.target.value })}
            error={errorOf("args.value")}
            hint="A number, e.g. 1."
            autoComplete="off"
          />
        </div>
      )}
    </fieldset>
  );
}
