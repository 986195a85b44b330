"use client";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject } from "react";
import { tokenKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { createToken } from "@/lib/contracts/token";
import { isAccountRole, type AccountRole } from "@/lib/contracts/verb";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { FormErrorNotice } from "../ui/notice";
import { grantableRoles } from "../users/role-options";
import { ShownOnce } from "./shown-once";

interface CreateTokenDialogProps {
  open: boolean;
  onClose: () => void;
  ownRole: AccountRole;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// The date input gives a day; the token lives through the end of that day in the reader's zone.
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();
const tomorrow = () => new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA");

// token/create: the answer holds the secret and nothing else ever will, so it lives only in this
// mutation's state and is dropped (reset) when the dialog closes.
export function CreateTokenDialog({ open, onClose, ownRole, fallbackFocus }: CreateTokenDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const {
    mutation: create,
    close,
    fieldError,
  } = useDialogMutation(
    {
      mutationFn: (input: { name: string; role: AccountRole; expires?: string }) => api.call(createToken, input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.lists() }),
    },
    onClose,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role"));
    const expires = String(form.get("expires") ?? "");
    create.mutate({
      name: String(form.get("name")),
      role: isAccountRole(role) ? role : "viewer",
      ...(expires ? { expires: endOfDay(expires) } : {}),
    });
  }

  const created = create.data;
  return (
    <Dialog
      open={open}
      title={created ? `Token “${created.name}” created` : "Create token"}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      {created ? (
        <ShownOnce label="Token secret" value={created.token} onDone={close}>
          Store it where your scripts read secrets. If it is lost, revoke it and create another.
        </ShownOnce>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            label="Name"
            name="name"
            required
            autoFocus
            maxLength={100}
            autoComplete="off"
            hint="What uses it, e.g. “CI deploy script”."
            error={fieldError("name")}
          />
          <SelectField
            label="Role"
            name="role"
            options={grantableRoles(ownRole)}
            defaultValue="viewer"
            hint="What the token may do; at most your own role."
            error={fieldError("role")}
          />
          <TextField
            label="Expires (optional)"
            name="expires"
            type="date"
            min={tomorrow()}
            hint="Leave empty for a token that lasts until revoked."
            error={fieldError("expires")}
          />
          <FormErrorNotice error={create.error} fields={["name", "role", "expires"]} />
          <FormFooter label="Create" pendingLabel="Creating…" pending={create.isPending} onCancel={close} />
        </form>
      )}
    </Dialog>
  );
}
