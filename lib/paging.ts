import type { SortKind } from "./contracts/verb";
import type { Cursor } from "./pipeline/cursor";

// What a list verb is asked for, independent of any transport: built by the verb pipeline from the
// caller's page options (lib/pipeline/page.ts), honoured by the data layer.
export interface PageRequest {
  limit: number;
  cursor: Cursor | undefined;
  order: "ASC" | "DESC";
  /** The column pages are ordered (and keyset-paged) by, then the id. */
  sort: { field: string; kind: SortKind };
  includeTotal: boolean;
  text: string | undefined;
}

export interface Page<T> {
  items: T[];
  next: Cursor | null;
  prev: Cursor | null;
  total?: number;
}
