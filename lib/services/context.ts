import type { AuditAction } from "../contracts/audit";
import type { AccountRole } from "../contracts/verb";
import type { PageRequest } from "../paging";

// Who is calling and on whose behalf: everything a service needs to scope and audit a change,
// with no trace of HTTP.
export type Principal =
  | {
      kind: "user";
      tokenId: string;
      userId: string;
      accountId: string;
      role: AccountRole;
      label: string;
      origin: string;
    }
  | { kind: "token"; tokenId: string; userId: string | null; accountId: string; role: AccountRole; label: string }
  | { kind: "device"; tokenId: string; deviceId: string; accountId: string; label: string }
  | { kind: "product"; productId: string; accountId: string; label: string };

export interface CallContext {
  requestId: string;
  address: string;
  /** The request's Origin header, if any (login access tokens are bound to it). */
  origin: string | null;
  /** The caller's name for this call, if it gave one: a verb that honours it stores a retry once. */
  idempotencyKey?: string | null;
  principal: Principal | null;
  /** With no principal: the server itself acting (an action's step), as the audit trail names it. */
  system?: { id: string; label: string };
  /** The account the call acts in: the caller's own, or one the owner named. */
  accountId: string;
  page?: PageRequest;
  /** The query-string options the verb declares (its contract's `query`), parsed. */
  query?: Record<string, unknown>;
}

/** An account-role caller (user or CloudAPI token), which every account verb requires. */
export function accountCaller(ctx: CallContext): Extract<Principal, { kind: "user" | "token" }> {
  const p = ctx.principal;
  if (!p || (p.kind !== "user" && p.kind !== "token"))
    throw new Error("account verb reached without an account caller");
  return p;
}

export function actorOf(ctx: CallContext): { kind: "user" | "token" | "device" | "system"; id: string; label: string } {
  const p = ctx.principal;
  if (!p) return { kind: "system", ...(ctx.system ?? { id: "", label: "anonymous" }) };
  if (p.kind === "user") return { kind: "user", id: p.userId, label: p.label };
  if (p.kind === "token") return { kind: "token", id: p.tokenId, label: p.label };
  if (p.kind === "device") return { kind: "device", id: p.deviceId, label: p.deviceId };
  return { kind: "system", id: p.productId, label: p.label };
}

/** An audit entry for a change the caller makes in the account it acts in. */
export function auditEntry(ctx: CallContext, action: AuditAction, target: string) {
  return {
    accountId: ctx.accountId,
    actor: actorOf(ctx),
    action,
    target,
    address: ctx.address,
    requestId: ctx.requestId,
  };
}
