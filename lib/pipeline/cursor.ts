import { z } from "zod";
import { STORABLE_TIMES } from "../contracts/common";
import type { SortKind, SortSpec } from "../contracts/verb";
import { validationError } from "../errors";

// Opaque, URL-safe list cursors: the sort column's value and the id of a page's edge item, and
// the column they belong to (a cursor only pages the order it came from).
export interface Cursor {
  sort: string;
  /** The edge item's value of the sort column (dates as ISO text); null when it has none. */
  key: string | null;
  id: string;
  /** "next" pages forward from the key, "prev" backward. */
  dir: "next" | "prev";
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id, cursor.dir, cursor.sort])).toString("base64url");
}

// Anyone can forge a cursor, and the data layer compares its key with the sort column: a key of
// another kind would reach the database as a malformed condition. So a decoded cursor must hold
// what encodeCursor writes: text without NUL (PostgreSQL cannot store it), a date as
// toISOString() writes it in the years every engine holds, an id as ids are made.
const keyText = z.string().regex(/^[^\u0000]*$/);
const isoDate = z.iso.datetime().refine((iso) => Date.parse(iso) >= STORABLE_TIMES.earliest);
const KEY: Record<SortKind, z.ZodType<string | null>> = { string: keyText, date: isoDate, "date?": isoDate.nullable() };
const parts = z.tuple([z.unknown(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.enum(["next", "prev"]), z.string()]);

/** The cursor encoded in `text`, if it pages one of the `sortable` columns with a key of its kind. */
export function decodeCursor(text: string, sortable: SortSpec): Cursor | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const tuple = parts.safeParse(decoded);
  if (!tuple.success) return undefined;
  const [rawKey, id, dir, sort] = tuple.data;
  const kind = Object.hasOwn(sortable, sort) ? sortable[sort] : undefined;
  const key = kind && KEY[kind].safeParse(rawKey);
  return key?.success ? { key: key.data, id, dir, sort } : undefined;
}

/** The cursor a list request passes as `next` or `prev` (at most one), checked against its list. */
export function cursorOf(query: { next?: string; prev?: string }, sortable: SortSpec): Cursor | undefined {
  if (query.next && query.prev)
    throw validationError("Pass either next or prev, not both", [{ name: "next", message: "Conflicts with prev" }]);
  const name = query.next ? "next" : query.prev ? "prev" : undefined;
  if (!name) return undefined;
  const cursor = decodeCursor(query[name]!, sortable);
  if (cursor) return cursor;
  throw validationError(`Invalid pagination cursor: pass \`${name}\` exactly as a previous page answered it`, [
    { name, message: "Not a cursor this list answered" },
  ]);
}
