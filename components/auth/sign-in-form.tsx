"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInWithPassword } from "@/lib/session/client";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { safeNext } from "./safe-next";
import { SecretForm, SecretFormSubmit } from "./secret-form";

const REASONS: Record<string, string> = {
  expired: "Your session ended (it expired or was revoked). Sign in again to continue.",
  "signed-out": "You are signed out.",
  required: "Sign in to see that page.",
};

export function SignInForm({ next, reason }: { next?: string; reason?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const failure = await signInWithPassword(String(form.get("email")), String(form.get("password")));
    if (failure) {
      setError(failure);
      setBusy(false);
      return;
    }
    router.replace(safeNext(next));
    router.refresh();
  }

  return (
    <SecretForm onSubmit={submit}>
      <h1 className="text-xl font-semibold">Sign in</h1>
      {reason && REASONS[reason] && !error && <Notice>{REASONS[reason]}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <SecretFormSubmit busy={busy} busyLabel="Signing in…">
        Sign in
      </SecretFormSubmit>
      <p className="text-sm text-muted">
        New to Fleetport?{" "}
        <Link className="font-medium text-brand-dark underline" href="/signup">
          Create an account
        </Link>
      </p>
    </SecretForm>
  );
}
