"use client";
import type { FormEvent } from "react";
import { apiClient } from "@/lib/api/client";
import { fieldErrorOf } from "@/lib/api/field-error";
import { acceptInvite, logout } from "@/lib/contracts/user";
import { TextField } from "../ui/field";
import { FormErrorNotice, Notice } from "../ui/notice";
import { NewPasswordField } from "./new-password-field";
import { SecretForm, SecretFormSubmit } from "./secret-form";
import { useJoin } from "./use-join";

// user/login accepts the invite and sets the password. Its token is for scripts: the portal drops
// it at once and signs in through the session, like any sign-in.
export function AcceptInviteForm({ invite }: { invite: string }) {
  const { join, error, setError, busy } = useJoin();

  if (!invite) return <Notice tone="error">This invite link is incomplete: open the whole link you were sent.</Notice>;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password !== form.get("confirm")) return setError(new Error("The two passwords differ"));
    await join(async () => {
      const session = await apiClient("").call(acceptInvite, { invite, password });
      await apiClient(session.token).call(logout, {});
      return { email: session.user.email, password };
    });
  }

  return (
    <SecretForm onSubmit={submit}>
      <h1 className="text-xl font-semibold">Accept your invite</h1>
      <p className="text-sm text-muted">Choose a password to join the account you were invited to.</p>
      <FormErrorNotice error={error} fields={["password"]} />
      <NewPasswordField error={fieldErrorOf(error, "password")} />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required />
      <SecretFormSubmit busy={busy} busyLabel="Joining…">
        Join
      </SecretFormSubmit>
    </SecretForm>
  );
}
