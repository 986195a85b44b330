import { badRequest } from "../errors";

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

export function decodeCursor(text: string): Cursor {
  try {
    const [key, id, dir, sort] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (
      (typeof key === "string" || key === null) &&
      typeof id === "string" &&
      typeof sort === "string" &&
      (dir === "next" || dir === "prev")
    ) {
      return { key, id, dir, sort };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest("Invalid pagination cursor: pass `next` or `prev` exactly as a previous page answered it");
}
