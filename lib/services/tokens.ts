import { roleRank, type AccountRole } from "../contracts/verb";
import { recordAudit } from "../db/audit";
import { db, transaction } from "../db/client";
import { filterWhere, textWhere } from "../db/list";
import { all, equal } from "../db/where";
import { createTokenRow, findCloudToken, findTokensPage, revokeToken } from "../db/tokens";
import { findTokens as findTokensContract } from "../contracts/token";
import { accessDenied, badRequest, notFound } from "../errors";
import { newId } from "../ids";
import { hashSecret, newSecret, secretPrefix } from "../security/secrets";
import { TOKEN_PREFIX } from "./authenticate";
import { accountCaller, auditEntry, type CallContext } from "./context";
import { tokenView } from "./views";

// token/create — a CloudAPI token, its role capped at the creator's; the secret is answered once.
export async function createCloudToken(ctx: CallContext, input: { name: string; role: AccountRole; expires?: string }) {
  const caller = accountCaller(ctx);
  if (roleRank(input.role) > roleRank(caller.role))
    throw accessDenied(`You cannot create a token above your own role (${caller.role})`);
  const expires = input.expires ? new Date(input.expires) : null;
  if (expires && expires <= new Date()) throw badRequest("expires must be in the future");
  const token = newSecret(TOKEN_PREFIX.cloud);
  return transaction(async (tx) => {
    const row = await createTokenRow(tx, {
      id: newId(),
      accountId: ctx.accountId,
      userId: caller.userId,
      kind: "cloud",
      name: input.name,
      role: input.role,
      prefix: secretPrefix(token),
      hash: hashSecret(token),
      expires,
    });
    await recordAudit(tx, auditEntry(ctx, "token.create", `${row.id} ${row.name}`));
    return { ...tokenView(row), token };
  });
}

export async function findCloudTokens(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId, kind: "cloud", revoked: null }),
    filterWhere(input, findTokensContract.filters),
    textWhere(ctx.page?.text, findTokensContract.textFields),
  );
  const page = await findTokensPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(tokenView) };
}

// token/remove — revoked at once; the row stays for the audit trail.
export async function removeCloudToken(ctx: CallContext, input: { id: string }) {
  return transaction(async (tx) => {
    const token = await findCloudToken(tx, ctx.accountId, input.id);
    if (!token) throw notFound("Cannot find token");
    await revokeToken(tx, { id: token.id }, new Date());
    await recordAudit(tx, auditEntry(ctx, "token.remove", `${token.id} ${token.name}`));
    return { id: token.id, removed: true as const };
  });
}
