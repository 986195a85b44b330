"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiClientError } from "@/lib/api/client";
import { userKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { updateUserRole, type UserView } from "@/lib/contracts/user";
import { isAccountRole, type AccountRole } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { grantableRoles } from "./role-options";

// user/updateRole. The choice is saved by an explicit button, not on change: arrow keys on a closed
// <select> change its value in some browsers, and a keyboard user must not demote someone by moving.
// The row is keyed by the saved role, so the draft starts over when the list refetches.
export function RoleCell({ user, ownRole }: { user: UserView; ownRole: AccountRole }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AccountRole>(user.role);
  const save = useMutation({
    mutationFn: (role: AccountRole) => api.call(updateUserRole, { id: user.id, role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
  const requestId = save.error instanceof ApiClientError ? save.error.requestId : null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={`Role of ${user.email}`}
        value={draft}
        onChange={(event) => isAccountRole(event.target.value) && setDraft(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm focus:border-brand focus:outline-2 focus:outline-brand"
      >
        {grantableRoles(ownRole).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {draft !== user.role && (
        <Button
          look="secondary"
          aria-label={`Save role of ${user.email}`}
          disabled={save.isPending}
          onClick={() => save.mutate(draft)}
        >
          {save.isPending ? "Saving…" : "Save"}
        </Button>
      )}
      {save.isError && (
        <p role="alert" className="w-full text-xs text-danger">
          {save.error.message}
          {requestId && <span className="block font-mono">Request ID: {requestId}</span>}
        </p>
      )}
    </div>
  );
}
