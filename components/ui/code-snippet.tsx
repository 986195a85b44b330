"use client";
import { useSyncExternalStore } from "react";
import { CopyButton } from "./copy-button";

// The origin never changes while the page lives; the server render has none, so it reads as empty there.
const noSubscription = () => () => {};
/** This portal's origin, for the commands a page offers to paste. */
export const useOrigin = () =>
  useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

/** Code to paste (a configuration, a command), with a title, a copy button and an optional note. */
export function CodeSnippet({
  title,
  code,
  copyLabel,
  note,
}: {
  title: string;
  code: string;
  copyLabel: string;
  note?: string;
}) {
  return (
    <figure>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-medium">{title}</figcaption>
        <CopyButton key={code} value={code} label={copyLabel} />
      </div>
      {/* Focusable so a keyboard user can scroll a long line sideways. */}
      <pre
        tabIndex={0}
        aria-label={title}
        className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-brand"
      >
        <code>{code}</code>
      </pre>
      {note && <p className="mt-1 text-xs text-muted">{note}</p>}
    </figure>
  );
}
