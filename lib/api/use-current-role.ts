"use client";
import { useQuery } from "@tanstack/react-query";
import { getUser } from "../contracts/user";
import type { AccountRole } from "../contracts/verb";
import { usePortalSession } from "../session/client";
import { userKeys } from "./query-keys";
import { useApi } from "./use-api";

/**
 * The signed-in user's role as the API sees it now. The session remembers the role at sign-in, but
 * an admin may change it since; the API already applies the new one, so the pages follow it.
 */
export function useCurrentRole(): AccountRole {
  const api = useApi();
  const user = usePortalSession()?.user;
  const me = useQuery({
    queryKey: userKeys.detail(user?.id ?? ""),
    queryFn: () => api.call(getUser, { id: user?.id ?? "" }),
    enabled: Boolean(user),
    staleTime: 30_000,
  });
  return me.data?.role ?? user?.role ?? "viewer";
}
