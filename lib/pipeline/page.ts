import { pageQuery } from "../contracts/common";
import { DEFAULT_SORT, type SortOrder, type VerbContract } from "../contracts/verb";
import { badRequest, validationError } from "../errors";
import type { PageRequest } from "../paging";
import { cursorOf } from "./cursor";
import { parseWith } from "./validate";

/** A list verb's page, from the caller's options as text (an HTTP query string). */
export function pageOf(options: Readonly<Record<string, string>>, contract: VerbContract): PageRequest {
  const query = parseWith(pageQuery, options, "query string");
  const cursor = cursorOf(query, contract.sortable ?? {});
  const sort = sortOf(query.sort ?? cursor?.sort, contract);
  if (cursor && cursor.sort !== sort.field)
    throw badRequest("This cursor pages another sort order: drop `sort` or the cursor");
  return {
    limit: query.limit,
    cursor,
    sort,
    order: (query.order?.toUpperCase() as SortOrder | undefined) ?? contract.defaultOrder ?? "ASC",
    includeTotal: (query.include ?? "").split(",").includes("total_count"),
    text: query.filter?.trim() || undefined,
  };
}

function sortOf(field: string | undefined, contract: VerbContract): PageRequest["sort"] {
  if (!field) return DEFAULT_SORT;
  const kind = contract.sortable?.[field];
  if (kind) return { field, kind };
  const allowed = Object.keys(contract.sortable ?? {}).join(", ");
  throw validationError(`Cannot sort by ${field}: sort by one of ${allowed}`, [
    { name: "sort", message: `One of ${allowed}` },
  ]);
}
