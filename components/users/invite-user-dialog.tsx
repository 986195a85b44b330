"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent, RefObject } from "react";
import { userKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { createUser } from "@/lib/contracts/user";
import { isAccountRole, roleAllows, type AccountRole } from "@/lib/contracts/verb";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { FormErrorNotice } from "../ui/notice";
import { Time } from "../ui/time";
import { ShownOnce } from "../tokens/shown-once";
import { grantableRoles } from "./role-options";

interface InviteUserDialogProps {
  open: boolean;
  onClose: () => void;
  ownRole: AccountRole;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// user/create: only the link's hash is stored, so the link lives in this mutation's state alone and
// is dropped (reset) when the dialog closes.
export function InviteUserDialog({ open, onClose, ownRole, fallbackFocus }: InviteUserDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const {
    mutation: invite,
    close,
    fieldError,
  } = useDialogMutation(
    {
      mutationFn: (input: { email: string; role: AccountRole }) => api.call(createUser, input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
    },
    onClose,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role"));
    invite.mutate({ email: String(form.get("email")), role: isAccountRole(role) ? role : "viewer" });
  }

  const invited = invite.data;
  return (
    <Dialog
      open={open}
      title={invited ? `Invite for ${invited.user.email}` : "Invite user"}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {invited ? (
        <ShownOnce label="Invite link" value={invited.invite} onDone={close}>
          Send it to {invited.user.email}. It works once and expires <Time value={invited.inviteExpires} />.
        </ShownOnce>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            label="Email"
            name="email"
            type="email"
            required
            autoFocus
            autoComplete="off"
            maxLength={254}
            error={fieldError("email")}
          />
          <SelectField
            label="Role"
            name="role"
            options={grantableRoles(ownRole)}
            defaultValue={roleAllows(ownRole, ["user"]) ? "user" : "viewer"}
            hint="At most your own role."
            error={fieldError("role")}
          />
          <FormErrorNotice error={invite.error} fields={["email", "role"]} />
          <FormFooter label="Invite" pendingLabel="Inviting…" pending={invite.isPending} onCancel={close} />
        </form>
      )}
    </Dialog>
  );
}
