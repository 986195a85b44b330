import type { ReactNode } from "react";
import { ApiClientError } from "@/lib/api/client";
import { fieldErrorOf } from "@/lib/api/field-error";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-blue-200 bg-blue-50 text-blue-950",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
} as const;

export function Notice({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}

/** An error as the API gave it: its message, and the request ID to quote to support. */
export function ErrorNotice({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : "Something went wrong";
  const requestId = error instanceof ApiClientError ? error.requestId : null;
  return (
    <Notice tone="error">
      <p>{message}</p>
      {requestId && <p className="mt-1 font-mono text-xs">Request ID: {requestId}</p>}
    </Notice>
  );
}

/** A form's failure, unless the API pinned it on one of `fields`: those inputs show it themselves. */
export function FormErrorNotice({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error || fields.some((name) => fieldErrorOf(error, name))) return null;
  return <ErrorNotice error={error} />;
}
