"use client";
import { useRef, useState } from "react";
import { tokenKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findTokens, type TokenView } from "@/lib/contracts/token";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { EmptyPage, ListStates } from "../ui/list-states";
import { Notice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
import { CreateTokenDialog } from "./create-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokenRows } from "./token-rows";

const COLUMNS = [
  ["Name", ""],
  ["Role", ""],
  ["Prefix", "hidden md:table-cell"],
  ["Created", "hidden md:table-cell"],
  ["Expires", "hidden md:table-cell"],
  ["Last used", "hidden sm:table-cell"],
] as const;

export function TokensPage() {
  const ownRole = useCurrentRole();
  // The API answers token verbs to admins only; below that, say so rather than show its 403.
  const isAdmin = roleAllows(ownRole, ["admin"]);
  const {
    list: tokens,
    setCursor,
    reset,
    firstPage,
  } = usePagedList({ keys: tokenKeys, contract: findTokens, input: {}, enabled: isAdmin });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);

  return (
    <>
      <PageHeader
        title="Tokens"
        description="CloudAPI tokens let scripts and integrations call the API as this account."
        actions={
          isAdmin && (
            <Button ref={createButton} onClick={() => setCreating(true)}>
              Create token
            </Button>
          )
        }
      />
      {isAdmin ? (
        <ListStates
          list={tokens}
          what="tokens"
          onPage={setCursor}
          empty={
            <EmptyPage firstPage={firstPage} noun="tokens" onFirstPage={reset}>
              <p>No tokens yet — create one for scripts and integrations.</p>
            </EmptyPage>
          }
        >
          {(rows) => (
            <DataTable
              caption="CloudAPI tokens"
              head={
                <>
                  <ColumnHeads columns={COLUMNS} />
                  <ActionsHead />
                </>
              }
            >
              <TokenRows tokens={rows} onRevoke={setRevoking} />
            </DataTable>
          )}
        </ListStates>
      ) : (
        <Notice>Only admins of the account manage its tokens.</Notice>
      )}
      <CreateTokenDialog
        open={creating}
        onClose={() => setCreating(false)}
        ownRole={ownRole}
        fallbackFocus={createButton}
      />
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} fallbackFocus={createButton} />
    </>
  );
}
