import type { PageRequest } from "../paging";
import { isRoot, type Queryable } from "./client";
import { listPage, prismaList, rawRows } from "./list";
import { rawReader } from "./raw-reader";
import { defineRecord, type RecordOf } from "./records";
import { equal, type Where } from "./where";

// Token rows. Hot path: findTokenByHash runs on every authenticated request (one indexed read).

/** A token as authentication reads it, with its user's current role. */
export const tokenRecord = defineRecord({
  table: "Token",
  columns: {
    id: "string",
    kind: "string",
    role: "string",
    accountId: "string",
    userId: "string?",
    deviceId: "string?",
    name: "string",
    origin: "string?",
    expires: "date?",
    lastUsed: "date?",
    revoked: "date?",
  },
  relations: { user: { table: "User", on: "userId", optional: true, columns: { role: "string", email: "string" } } },
});
export type TokenRecord = RecordOf<typeof tokenRecord>;

/** Outside a transaction the raw reader answers; inside one, the transaction itself. */
export async function findTokenByHash(q: Queryable, hash: string): Promise<TokenRecord | null> {
  if (!isRoot(q)) return q.token.findUnique({ where: { hash }, select: tokenRecord.select });
  const [token] = await rawRows(tokenRecord, rawReader(), equal({ hash }), [], 1);
  return token ?? null;
}

export function touchToken(q: Queryable, id: string, lastUsed: Date, expires: Date | null | undefined) {
  return q.token.update({ where: { id }, data: { lastUsed, ...(expires ? { expires } : {}) } });
}

export function createTokenRow(
  q: Queryable,
  data: {
    id: string;
    accountId: string;
    userId?: string | null;
    deviceId?: string | null;
    kind: string;
    name?: string;
    role: string;
    prefix: string;
    hash: string;
    origin?: string | null;
    expires?: Date | null;
  },
) {
  return q.token.create({ data });
}

export function revokeToken(q: Queryable, where: { id?: string; accountId?: string; kind?: string }, now: Date) {
  return q.token.updateMany({ where: { ...where, revoked: null }, data: { revoked: now } });
}

export function revokeTokensOf(q: Queryable, owner: { userId?: string; deviceId?: string }, now: Date) {
  return q.token.updateMany({ where: { ...owner, revoked: null }, data: { revoked: now } });
}

export function findCloudToken(q: Queryable, accountId: string, id: string) {
  return q.token.findFirst({ where: { id, accountId, kind: "cloud", revoked: null } });
}

export const findTokensPage = (q: Queryable, where: Where, page: PageRequest) =>
  listPage(
    page,
    where,
    prismaList(
      (args) => q.token.findMany(args),
      (args) => q.token.count(args),
    ),
  );

/** Every other login session of a user (after a password change). */
export function revokeOtherSessions(q: Queryable, userId: string, keepTokenId: string | null, now: Date) {
  return q.token.updateMany({
    where: { userId, kind: "login", revoked: null, ...(keepTokenId ? { id: { not: keepTokenId } } : {}) },
    data: { revoked: now },
  });
}
