import { badRequest } from "../errors";

// Opaque, URL-safe list cursors: the natural key (created, id) of a page's edge item.
export interface Cursor {
  created: string;
  id: string;
  /** "next" pages forward from the key, "prev" backward. */
  dir: "next" | "prev";
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.created, cursor.id, cursor.dir])).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  try {
    const [created, id, dir] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (typeof created === "string" && typeof id === "string" && (dir === "next" || dir === "prev")) {
      if (!Number.isNaN(Date.parse(created))) return { created, id, dir };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest("Invalid pagination cursor: pass `next` or `prev` exactly as a previous page answered it");
}
