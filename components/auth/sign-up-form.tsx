"use client";
import Link from "next/link";
import type { FormEvent } from "react";
import { apiClient } from "@/lib/api/client";
import { fieldErrorOf } from "@/lib/api/field-error";
import { createAccount } from "@/lib/contracts/account";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { ErrorNotice } from "../ui/notice";
import { useJoin } from "./use-join";

// Sign-up is account/create, a public verb; the new admin is then signed in with the same password.
export function SignUpForm() {
  const { join, error, busy } = useJoin();
  const fieldError = (name: string) => fieldErrorOf(error, name);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    };
    await join(async () => {
      await apiClient("").call(createAccount, input);
      return input;
    });
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
