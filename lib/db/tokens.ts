import type { PageRequest } from "../paging";
import { listPage, type ListWhere } from "./list";
import { sqliteTokenByHash, type TokenRecord } from "./hot-path";
import type { Queryable } from "./client";

// Token rows. Hot path: findTokenByHash runs on every authenticated request (one indexed read).

export async function findTokenByHash(q: Queryable, hash: string): Promise<TokenRecord | null> {
  const fast = sqliteTokenByHash(hash);
  if (fast !== undefined) return fast;
  return q.token.findUnique({ where: { hash }, include: { user: { select: { role: true, email: true } } } });
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

export function findTokensPage(q: Queryable, where: ListWhere, page: PageRequest) {
  return listPage(
    page,
    where,
    (args) => q.token.findMany(args),
    (args) => q.token.count(args),
  );
}

/** Every other login session of a user (after a password change). */
export function revokeOtherSessions(q: Queryable, userId: string, keepTokenId: string | null, now: Date) {
  return q.token.updateMany({
    where: { userId, kind: "login", revoked: null, ...(keepTokenId ? { id: { not: keepTokenId } } : {}) },
    data: { revoked: now },
  });
}
