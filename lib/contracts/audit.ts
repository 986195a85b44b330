import { z } from "zod";
import { timestamp } from "./common";
import { defineList } from "./verb";

export const AUDIT_ACTIONS = [
  "account.create",
  "account.update",
  "account.close",
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.password_change",
  "token.create",
  "token.remove",
  "user.invite",
  "user.join",
  "user.role",
  "user.remove",
  "device.claim",
  "device.release",
  "device.provision",
  "device.command",
  "product.create",
  "product.remove",
  "product.token_rotate",
  "dashboard.create",
  "dashboard.update",
  "dashboard.remove",
  "alert.create",
  "alert.acknowledge",
  "alert.resolve",
  "alert.reopen",
  "alert.remove",
  "maintenance.create",
  "maintenance.remove",
  "action.create",
  "action.update",
  "action.remove",
  "action.invoke",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const actorKind = z.enum(["user", "token", "device", "system"]);

export const auditView = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  actor: z.object({ kind: actorKind, id: z.string(), label: z.string() }),
  action: z.string(),
  target: z.string(),
  address: z.string(),
  requestId: z.string(),
  created: timestamp,
});
export type AuditView = z.infer<typeof auditView>;

// audit/find — the account's security trail, newest first (admin)
export const findAudit = defineList({
  controller: "audit",
  verb: "find",
  summary: "The account's security trail, newest first",
  allow: ["admin"],
  item: auditView,
  filters: { action: "string", actor: "string", target: "string", created: "date" },
  textFields: ["action", "actorLabel", "target"],
  defaultOrder: "DESC",
});
