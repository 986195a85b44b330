"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiClientError, apiClient } from "@/lib/api/client";
import { createAccount } from "@/lib/contracts/account";
import { signInWithPassword } from "@/lib/session/client";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { ErrorNotice } from "../ui/notice";

// Sign-up is account/create, a public verb; the new admin is then signed in with the same password.
export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (name: string) =>
    error instanceof ApiClientError ? error.fields.find((field) => field.name === name)?.message : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    };
    setBusy(true);
    setError(null);
    try {
      await apiClient("").call(createAccount, input);
      const failure = await signInWithPassword(input.email, input.password);
      if (failure) throw new Error(failure);
      router.replace("/devices");
      router.refresh();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Create an account</h1>
      {error !== null && <ErrorNotice error={error} />}
      <TextField label="Account name" name="name" required autoComplete="organization" error={fieldError("name")} />
      <TextField label="Email" name="email" type="email" required autoComplete="email" error={fieldError("email")} />
      <TextField
        label="Password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint="At least 8 characters."
        error={fieldError("password")}
      />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Creating…" : "Create account"}
      </Button>
      <p className="text-sm text-muted">
        Already have an account?{" "}
        <Link className="font-medium text-brand-dark underline" href="/signin">
          Sign in
        </Link>
      </p>
    </form>
  );
}
