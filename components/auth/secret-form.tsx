"use client";
import { useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button } from "../ui/button";

const noChanges = () => () => {};

/** False in the server's HTML and while React hydrates it; true once React handles events. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
}

/**
 * A form that carries a password. Until the page has hydrated, the browser would send it by itself
 * as a GET, every field in the URL (history, server logs, Referer). So its submit button stays
 * disabled until React can send it through the API (with the default button disabled, Enter does
 * not submit either), and should anything still submit it natively, it posts.
 */
export function SecretForm({
  onSubmit,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      {children}
    </form>
  );
}

/** The form's submit button: disabled until the page has hydrated, and while the form is busy. */
export function SecretFormSubmit({
  busy,
  busyLabel,
  children,
}: {
  busy: boolean;
  busyLabel: string;
  children: string;
}) {
  const hydrated = useHydrated();
  return (
    <Button type="submit" disabled={busy || !hydrated} className="w-full">
      {busy ? busyLabel : children}
    </Button>
  );
}
