"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { InputOf } from "../contracts/verb";
import type { ListContract, ListQuery } from "./client";
import { useApi } from "./use-api";

type Cursor = Pick<ListQuery, "next" | "prev">;

interface PagedListOptions<C extends ListContract> {
  /** The controller's key factory (query-keys.ts), so mutations invalidating `lists()` reach this page. */
  keys: { list: (filters: Record<string, unknown>, query: ListQuery) => readonly unknown[] };
  contract: C;
  /** The find body (filters); part of the key, so each filter set is cached apart. */
  input: InputOf<C>;
  /** Size, sort and text filter; the cursor is added here. */
  query?: Omit<ListQuery, "next" | "prev">;
  enabled?: boolean;
  /** Read the page again this often while the page is visible (a list a device keeps writing to). */
  refetchInterval?: number;
}

/**
 * One page of a `find` verb, walked with the API's cursors. The previous page stays on screen while
 * the next loads (no flash of "Loading"). A cursor belongs to the filters and sort it was read with:
 * callers `reset` when they change them.
 */
export function usePagedList<C extends ListContract>({
  keys,
  contract,
  input,
  query,
  enabled = true,
  refetchInterval,
}: PagedListOptions<C>) {
  const api = useApi();
  const [cursor, setCursor] = useState<Cursor>({});
  const page: ListQuery = { limit: 25, ...query, ...cursor };
  const list = useQuery({
    queryKey: keys.list(input, page),
    queryFn: () => api.list(contract, input, page),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval,
  });
  return { list, setCursor, reset: () => setCursor({}), firstPage: !cursor.next && !cursor.prev };
}
