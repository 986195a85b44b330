"use client";
import { useId, type ReactNode } from "react";
import { CopyButton } from "../ui/copy-button";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";

/**
 * A secret the API answers once and never again (token, invite link): a warning, the value in a
 * readonly field that takes focus (the form that asked for it is gone) and a copy button.
 */
export function ShownOnce({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  const warningId = useId();
  return (
    <div className="space-y-3">
      <Notice tone="warning">
        <div id={warningId}>{children}</div>
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
  );
}
