"use client";
import { useRef, useState } from "react";
import { userKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePortalSession } from "@/lib/session/client";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findUsers, type UserView } from "@/lib/contracts/user";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { EmptyPage, ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
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
  const session = usePortalSession();
  const ownRole = useCurrentRole();
  // Everyone reads the list; only admins get the controls (the API enforces the same).
  const isAdmin = roleAllows(ownRole, ["admin"]);
  const { list: users, setCursor, reset, firstPage } = usePagedList({ keys: userKeys, contract: findUsers, input: {} });
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<UserView | null>(null);
  const inviteButton = useRef<HTMLButtonElement>(null);

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
      <ListStates
        list={users}
        what="users"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="users" onFirstPage={reset}>
            <p>No users yet{isAdmin && " — invite someone to share this account"}.</p>
          </EmptyPage>
        }
      >
        {(rows) => (
          <DataTable
            caption="Users of this account"
            head={
              <>
                <ColumnHeads columns={COLUMNS} />
                {isAdmin && <ActionsHead />}
              </>
            }
          >
            <UserRows
              users={rows}
              ownId={session?.user.id ?? ""}
              ownRole={ownRole}
              isAdmin={isAdmin}
              onRemove={setRemoving}
            />
          </DataTable>
        )}
      </ListStates>
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
