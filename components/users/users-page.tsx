"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ListQuery } from "@/lib/api/client";
import { userKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findUsers, type UserView } from "@/lib/contracts/user";
import { roleAllows } from "@/lib/contracts/verb";
import { usePortalSession } from "@/lib/session/client";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { Pager } from "../ui/pager";
import { InviteUserDialog } from "./invite-user-dialog";
import { RemoveUserDialog } from "./remove-user-dialog";
import { UserRows } from "./user-rows";

const COLUMNS = [
  ["Email", ""],
  ["Name", "hidden md:table-cell"],
  ["Role", ""],
  ["Status", "hidden sm:table-cell"],
  ["Last login", "hidden md:table-cell"],
] as const;

export function UsersPage() {
  const api = useApi();
  const session = usePortalSession();
  const ownRole = session?.user.role ?? "viewer";
  // Everyone reads the list; only admins get the controls (the API enforces the same).
  const isAdmin = roleAllows(ownRole, ["admin"]);
  const [cursor, setCursor] = useState<Pick<ListQuery, "next" | "prev">>({});
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<UserView | null>(null);
  const inviteButton = useRef<HTMLButtonElement>(null);

  const query: ListQuery = { limit: 25, ...cursor };
  const users = useQuery({
    queryKey: userKeys.list({}, query),
    queryFn: () => api.list(findUsers, {}, query),
    placeholderData: keepPreviousData,
  });
  const firstPage = !cursor.next && !cursor.prev;

  return (
    <>
      <PageHeader
        title="Users"
        description="The people in this account and what each may do."
        actions={
          isAdmin && (
            <Button ref={inviteButton} onClick={() => setInviting(true)}>
              Invite user
            </Button>
          )
        }
      />
      {users.isPending && <Loading what="users" />}
      {users.isError && <ErrorNotice error={users.error} />}
      {users.data && users.data.data.length === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm">
          {firstPage ? (
            <p>No users yet{isAdmin && " — invite someone to share this account"}.</p>
          ) : (
            <>
              <p>No users on this page.</p>
              <Button look="quiet" onClick={() => setCursor({})}>
                Back to the first page
              </Button>
            </>
          )}
        </div>
      )}
      {users.data && users.data.data.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Users of this account</caption>
            <thead className="bg-slate-50">
              <tr>
                {COLUMNS.map(([label, className]) => (
                  <th key={label} scope="col" className={`px-3 py-2 text-left font-medium ${className}`}>
                    {label}
                  </th>
                ))}
                {isAdmin && (
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <UserRows
              users={users.data.data}
              ownId={session?.user.id ?? ""}
              ownRole={ownRole}
              isAdmin={isAdmin}
              onRemove={setRemoving}
            />
          </table>
        </div>
      )}
      {users.data && <Pager page={users.data} onPage={setCursor} />}
      {isAdmin && (
        <>
          <InviteUserDialog
            open={inviting}
            onClose={() => setInviting(false)}
            ownRole={ownRole}
            fallbackFocus={inviteButton}
          />
          <RemoveUserDialog user={removing} onClose={() => setRemoving(null)} fallbackFocus={inviteButton} />
        </>
      )}
    </>
  );
}
