"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ListQuery } from "@/lib/api/client";
import { tokenKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findTokens } from "@/lib/contracts/token";
import { roleAllows } from "@/lib/contracts/verb";
import { usePortalSession } from "@/lib/session/client";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { ErrorNotice, Notice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { Pager } from "../ui/pager";
import { CreateTokenDialog } from "./create-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokenRows, type TokenView } from "./token-rows";

const COLUMNS = [
  ["Name", ""],
  ["Role", ""],
  ["Prefix", "hidden md:table-cell"],
  ["Created", "hidden md:table-cell"],
  ["Expires", "hidden md:table-cell"],
  ["Last used", "hidden sm:table-cell"],
] as const;

export function TokensPage() {
  const api = useApi();
  const ownRole = usePortalSession()?.user.role ?? "viewer";
  // The API answers token verbs to admins only; below that, say so rather than show its 403.
  const isAdmin = roleAllows(ownRole, ["admin"]);
  const [cursor, setCursor] = useState<Pick<ListQuery, "next" | "prev">>({});
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);

  const query: ListQuery = { limit: 25, ...cursor };
  const tokens = useQuery({
    queryKey: tokenKeys.list({}, query),
    queryFn: () => api.list(findTokens, {}, query),
    placeholderData: keepPreviousData,
    enabled: isAdmin,
  });
  const firstPage = !cursor.next && !cursor.prev;

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
      {!isAdmin && <Notice>Only admins of the account manage its tokens.</Notice>}
      {isAdmin && tokens.isPending && <Loading what="tokens" />}
      {tokens.isError && <ErrorNotice error={tokens.error} />}
      {tokens.data && tokens.data.data.length === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm">
          {firstPage ? (
            <p>No tokens yet — create one for scripts and integrations.</p>
          ) : (
            <>
              <p>No tokens on this page.</p>
              <Button look="quiet" onClick={() => setCursor({})}>
                Back to the first page
              </Button>
            </>
          )}
        </div>
      )}
      {tokens.data && tokens.data.data.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">CloudAPI tokens</caption>
            <thead className="bg-slate-50">
              <tr>
                {COLUMNS.map(([label, className]) => (
                  <th key={label} scope="col" className={`px-3 py-2 text-left font-medium ${className}`}>
                    {label}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <TokenRows tokens={tokens.data.data} onRevoke={setRevoking} />
          </table>
        </div>
      )}
      {tokens.data && <Pager page={tokens.data} onPage={setCursor} />}
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
