import { findAccounts as findAccountsContract } from "../contracts/account";
import { findAudit as findAuditContract } from "../contracts/audit";
import { accountHasOwner, deleteAccountRow, findAccount, findAccountsPage, updateAccountRow } from "../db/accounts";
import { releaseAllDevices } from "../db/devices";
import { deletePointsOfSeries, seriesIdsOfAccount } from "../db/metrics/retention";
import { findAuditEvents, recordAudit } from "../db/audit";
import { db, transaction } from "../db/client";
import { filterWhere, textWhere } from "../db/list";
import { all, equal } from "../db/where";
import { accessDenied, conflict, notFound } from "../errors";
import { accountFilesPath, discard } from "../files/disk";
import { accountCaller, auditEntry, type CallContext } from "./context";
import { accountView, auditView } from "./views";

/** `id` in an account verb names the account; only the owner may name another one. */
function targetAccount(ctx: CallContext, id: string | undefined): string {
  if (!id || id === ctx.accountId) return ctx.accountId;
  if (accountCaller(ctx).role !== "owner") throw notFound("Cannot find account");
  return id;
}

async function accountOrThrow(id: string) {
  const account = await findAccount(db(), id);
  if (!account) throw notFound("Cannot find account");
  return account;
}

export async function getAccount(ctx: CallContext, input: { id?: string }) {
  return accountView(await accountOrThrow(targetAccount(ctx, input.id)));
}

export async function updateAccount(
  ctx: CallContext,
  input: { id?: string; name?: string; deviceLimit?: number | null },
) {
  const id = targetAccount(ctx, input.id);
  if (input.deviceLimit !== undefined && accountCaller(ctx).role !== "owner") {
    throw accessDenied("Only the deployment owner sets device limits");
  }
  await accountOrThrow(id);
  return transaction(async (tx) => {
    const row = await updateAccountRow(tx, id, { name: input.name, deviceLimit: input.deviceLimit });
    await recordAudit(tx, { ...auditEntry(ctx, "account.update", id), accountId: id });
    return accountView(row);
  });
}

export async function findAccounts(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    filterWhere(input, findAccountsContract.filters),
    textWhere(ctx.page?.text, findAccountsContract.textFields),
  );
  const page = await findAccountsPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(accountView) };
}

// audit/find — newest first unless the caller asks for ASC.
export async function findAudit(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findAuditContract.filters, { actor: "actorLabel" }),
    textWhere(ctx.page?.text, findAuditContract.textFields),
  );
  const page = await findAuditEvents(db(), where, ctx.page!);
  return { ...page, items: page.items.map(auditView) };
}

// account/close — irreversible: devices back to the pool, users, tokens, products, dashboards and
// metrics removed (by cascade). The audit trail keeps its rows, closing event included, as the security record.
export async function closeAccount(ctx: CallContext, input: { id?: string }) {
  const id = targetAccount(ctx, input.id);
  await accountOrThrow(id);
  const series = await seriesIdsOfAccount(id);
  const closed = await transaction(async (tx) => {
    if (await accountHasOwner(tx, id)) throw conflict("The deployment owner's account cannot be closed");
    await releaseAllDevices(tx, id);
    await deleteAccountRow(tx, id);
    await recordAudit(tx, { ...auditEntry(ctx, "account.close", id), accountId: id });
    return { id, closed: true as const };
  });
  // Series and rollups went with the account; its raw points (no key to cascade by) go now, in
  // chunks outside the transaction. Should this stop half-way, no query reaches the rest and
  // retention ages them out (decision 012).
  await deletePointsOfSeries(series);
  // Its stored files' rows went by cascade; their bytes go now (decision 016).
  await discard(accountFilesPath(id));
  return closed;
}
