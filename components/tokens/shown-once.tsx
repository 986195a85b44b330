"use client";
import { useId, type ReactNode } from "react";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";

/**
 * A secret the API answers once and never again (token, invite link): a warning (children say
 * where it goes), the value in a readonly field that takes focus (the form that asked for it is
 * gone), a copy button, then "Done", where the dialog drops it.
 */
export function ShownOnce({
  label,
  value,
  onDone,
  children,
}: {
  label: string;
  value: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const warningId = useId();
  return (
    <div className="space-y-4">
      <div className="space-y-3">
        <Notice tone="warning">
          <div id={warningId}>
            <p className="font-semibold">Copy it now: it will not be shown again.</p>
            <p className="mt-1">{children}</p>
          </div>
        </Notice>
        <TextField
          label={label}
          value={value}
          readOnly
          autoFocus
          spellCheck={false}
          aria-describedby={warningId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
