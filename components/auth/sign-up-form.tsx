"use client";
import Link from "next/link";
import type { FormEvent } from "react";
import { apiClient } from "@/lib/api/client";
import { fieldErrorOf } from "@/lib/api/field-error";
import { createAccount } from "@/lib/contracts/account";
import { TextField } from "../ui/field";
import { FormErrorNotice } from "../ui/notice";
import { NewPasswordField } from "./new-password-field";
import { SecretForm, SecretFormSubmit } from "./secret-form";
import { useJoin } from "./use-join";

const FIELDS = ["name", "email", "password"] as const;

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
    <SecretForm onSubmit={submit}>
      <h1 className="text-xl font-semibold">Create an account</h1>
      <FormErrorNotice error={error} fields={FIELDS} />
      <TextField label="Account name" name="name" required autoComplete="organization" error={fieldError("name")} />
      <TextField label="Email" name="email" type="email" required autoComplete="email" error={fieldError("email")} />
      <NewPasswordField error={fieldError("password")} />
      <SecretFormSubmit busy={busy} busyLabel="Creating…">
        Create account
      </SecretFormSubmit>
      <p className="text-sm text-muted">
        Already have an account?{" "}
        <Link className="font-medium text-brand-dark underline" href="/signin">
          Sign in
        </Link>
      </p>
    </SecretForm>
  );
}
