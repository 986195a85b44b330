"use client";
import { useState, type FormEvent } from "react";
import { fieldErrorOf } from "@/lib/api/field-error";
import { actionSettings } from "@/lib/contracts/action";
import { metricName } from "@/lib/contracts/metric";
import { Button } from "../ui/button";
import { TextArea, TextField } from "../ui/field";
import { FormErrorNotice } from "../ui/notice";
import { settingsOf, type ActionDraft } from "./action-draft";
import { ActionPreview } from "./action-preview";
import { ThenFields } from "./then-fields";
import { WhenFields } from "./when-fields";

export type ActionInput = { name: string } & ReturnType<typeof settingsOf>["settings"];

const FIELDS = [
  "name",
  ...Object.keys(actionSettings),
  "args.command",
  "args.args",
  "args.key",
  "args.value",
  "args.metric",
];
/** The fields whose problems stop a preview from being asked. */
const PREVIEWED = ["metric", "period", "expression", "clear", "hold", "rearm"];

interface ActionFormProps {
  initial: ActionDraft;
  /** An existing http-triggered action's URL; null before it exists. */
  webhookUrl: string | null;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The last attempt's failure: field errors show at their fields, others above the buttons. */
  error: Error | null;
  onSubmit: (input: ActionInput) => void;
  onCancel?: () => void;
}

/**
 * The action form a fleet manager fills without knowing the grammar: a name, "When" (the trigger
 * and its fields), "Then" (the step and its fields), how long it stays quiet after firing, and
 * whether it is on; for a metric trigger, a live preview of how often it would have fired.
 */
export function ActionForm({
  initial,
  webhookUrl,
  submitLabel,
  pendingLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: ActionFormProps) {
  const [draft, setDraft] = useState(initial);
  // Problems found before sending show once the person has tried to save, not while they type.
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<ActionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const { settings, problems } = settingsOf(draft);
  if (!draft.name.trim()) problems.name = "Name it, e.g. “Hot device”";
  const errorOf = (name: string) => (tried ? problems[name] : undefined) ?? fieldErrorOf(error, name);
  const previewReady =
    draft.trigger === "metric" &&
    metricName.safeParse(settings.metric).success &&
    PREVIEWED.every((field) => !problems[field]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) onSubmit({ name: draft.name.trim(), ...settings });
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={submit} className="space-y-4" noValidate aria-label="Action">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Name"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errorOf("name")}
            maxLength={100}
            autoComplete="off"
            hint="Scripts run it by this name."
          />
          <TextArea
            label="Description (optional)"
            rows={1}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            error={errorOf("description")}
          />
        </div>
        <WhenFields draft={draft} set={set} errorOf={errorOf} webhookUrl={webhookUrl} />
        <ThenFields draft={draft} set={set} errorOf={errorOf} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Stay quiet after firing (minutes)"
            type="number"
            min={0}
            step="any"
            value={draft.rearmMinutes}
            onChange={(e) => set({ rearmMinutes: e.target.value })}
            error={errorOf("rearm")}
            hint="Repeats within this time are skipped; 0 acts on every one."
          />
          <label className="flex items-center gap-2 self-center text-sm font-medium">
            <input
              type="checkbox"
              className="size-4"
              checked={draft.enable}
              onChange={(e) => set({ enable: e.target.checked })}
            />
            Enabled
          </label>
        </div>
        {tried && Object.keys(problems).length > 0 && (
          <p role="alert" className="text-sm text-danger">
            Some fields need attention: see the messages above.
          </p>
        )}
        <FormErrorNotice error={error} fields={FIELDS} />
        <div className="flex justify-end gap-2">
          {onCancel && (
            <Button look="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
      {draft.trigger === "metric" && (
        <div className="lg:sticky lg:top-4">
          <ActionPreview settings={settings} ready={previewReady} />
        </div>
      )}
    </div>
  );
}
