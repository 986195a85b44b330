import type { AuditAction } from "../contracts/audit";
import { newId } from "../ids";
import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

export interface AuditEntry {
  accountId: string | null;
  actor: { kind: string; id: string; label: string };
  action: AuditAction;
  target?: string;
  address?: string;
  requestId?: string;
}

/** Called inside the transaction that makes the change, so the trail never disagrees with it. */
export function recordAudit(q: Queryable, entry: AuditEntry) {
  return q.auditEvent.create({
    data: {
      id: newId(),
      accountId: entry.accountId,
      actorKind: entry.actor.kind,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      target: entry.target ?? "",
      address: entry.address ?? "",
      requestId: entry.requestId ?? "",
    },
  });
}

export function findAuditEvents(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      (args) => q.auditEvent.findMany(args),
      (args) => q.auditEvent.count(args),
    ),
  );
}
