"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "../ui/button";
import { TextArea, TextField } from "../ui/field";

export interface CommandInput {
  command: string;
  args?: Record<string, unknown>;
}

/** The commands every user may send, as the agent knows them; any other name is a custom command. */
const BUILT_IN = [
  { command: "reboot", label: "Reboot", hint: "The device restarts." },
  { command: "update", label: "Update", hint: "The device looks for newer firmware now." },
] as const;
const CUSTOM = "custom";

interface CommandFormProps {
  /** Custom commands (any name) are the admins' (decision 014): others are offered only the built-in ones. */
  canSendCustom: boolean;
  onSend: (input: CommandInput) => void;
  pending: boolean;
  /** The API's message for one input, once it has answered. */
  serverError: (name: string) => string | undefined;
  children?: ReactNode;
}

/** Reads the arguments text: nothing, or a JSON object. */
function parseArgs(text: string): { args?: Record<string, unknown> } | { error: string } {
  if (!text.trim()) return {};
  try {
    const args: unknown = JSON.parse(text);
    if (args !== null && typeof args === "object" && !Array.isArray(args))
      return { args: args as Record<string, unknown> };
  } catch {
    // Shown as the field's message.
  }
  return { error: 'A JSON object, such as {"delay": 5}' };
}

/** Picks a command and its arguments, and sends it once they read right. */
export function CommandForm({ canSendCustom, onSend, pending, serverError, children }: CommandFormProps) {
  const [picked, setChoice] = useState<string>(BUILT_IN[0].command);
  const [problems, setProblems] = useState<{ command?: string; args?: string }>({});
  const choices = [
    ...BUILT_IN,
    ...(canSendCustom
      ? [{ command: CUSTOM, label: "Custom", hint: "A command the device's application handles." }]
      : []),
  ];
  // A role lowered while the page is open takes the custom choice away with it.
  const choice = choices.some((option) => option.command === picked) ? picked : BUILT_IN[0].command;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const command = choice === CUSTOM ? String(form.get("command")).trim() : choice;
    const parsed = parseArgs(String(form.get("args") ?? ""));
    const found = {
      command: command ? undefined : "Required: the name the device's application knows",
      args: "error" in parsed ? parsed.error : undefined,
    };
    setProblems(found);
    if (found.command || "error" in parsed) return;
    onSend({ command, ...parsed });
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <fieldset className="text-sm">
        <legend className="font-medium">Command</legend>
        <div className="mt-1 space-y-1">
          {choices.map((option) => (
            <label key={option.command} className="flex items-start gap-2">
              <input
                type="radio"
                name="choice"
                value={option.command}
                checked={choice === option.command}
                onChange={() => setChoice(option.command)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{option.label}</span> <span className="text-muted">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {choice === CUSTOM && (
        <TextField
          label="Command name"
          name="command"
          maxLength={100}
          spellCheck={false}
          error={problems.command ?? serverError("command")}
        />
      )}
      <TextArea
        label="Arguments (JSON, optional)"
        name="args"
        rows={2}
        spellCheck={false}
        placeholder='{"delay": 5}'
        error={problems.args ?? serverError("args")}
      />
      {children}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send command"}
      </Button>
    </form>
  );
}
