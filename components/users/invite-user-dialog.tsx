"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent, RefObject } from "react";
import { ApiClientError } from "@/lib/api/client";
import { userKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { createUser } from "@/lib/contracts/user";
import { isAccountRole, roleRank, type AccountRole } from "@/lib/contracts/verb";
import { formatTime } from "../devices/format";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { ErrorNotice } from "../ui/notice";
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
  const invite = useMutation({
    mutationFn: (input: { email: string; role: AccountRole }) => api.call(createUser, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
  const fieldError = (name: string) =>
    invite.error instanceof ApiClientError ? invite.error.fields.find((f) => f.name === name)?.message : undefined;
  const shownInField = ["email", "role"].some((name) => fieldError(name));

  function close() {
    invite.reset();
    onClose();
  }

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
        <div className="space-y-4">
          <ShownOnce label="Invite link" value={invited.invite}>
            <p className="font-semibold">Copy it now: it will not be shown again.</p>
            <p className="mt-1">
              Send it to {invited.user.email}. It works once, until {formatTime(invited.inviteExpires)}.
            </p>
          </ShownOnce>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
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
            defaultValue={roleRank(ownRole) >= roleRank("user") ? "user" : "viewer"}
            hint="At most your own role."
            error={fieldError("role")}
          />
          {invite.isError && !shownInField && <ErrorNotice error={invite.error} />}
          <div className="flex justify-end gap-2">
            <Button look="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={invite.isPending}>
              {invite.isPending ? "Inviting…" : "Invite"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
