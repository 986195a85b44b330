import { accountDeviceOrThrow } from "./devices";
import { findMaintenance as findMaintenanceContract, type MaintenanceView } from "../contracts/maintenance";
import { recordAudit } from "../db/audit";
import { db, transaction, type Queryable } from "../db/client";
import { findAccountDevice } from "../db/devices";
import { filterWhere, textWhere } from "../db/list";
import {
  accountUsesProduct,
  deleteMaintenanceRow,
  findActiveMaintenance,
  findMaintenance as findMaintenanceRow,
  findMaintenancePage,
  insertMaintenance,
  productExists,
  type MaintenanceRecord,
  type MaintenanceScope,
} from "../db/maintenance";
import { all, equal } from "../db/where";
import { notFound, fieldsError, type FieldError } from "../errors";
import { newId } from "../ids";
import { accountCaller, actorOf, auditEntry, type CallContext } from "./context";

// Maintenance windows (decision 017): alerts of a device, a product or the whole account raised
// while one is active are recorded, marked silenced, and act on nothing.

const NOT_FOUND = "Cannot find maintenance window";
/** How far a window may reach ahead (a forgotten one must not silence a fleet for good), or start back. */
const LONGEST_MS = 366 * 24 * 3600 * 1000;

function maintenanceView(record: MaintenanceRecord, now: Date): MaintenanceView {
  const { id, scope, targetId, starts, until, reason, createdBy, created } = record;
  return {
    id,
    scope,
    targetId,
    starts: starts.toISOString(),
    until: until.toISOString(),
    reason,
    createdBy,
    active: starts <= now && now < until,
    created: created.toISOString(),
  };
}

/**
 * The window active at `at` for the device (its own, its product's) or the whole account; null
 * when none. A device that is not the account's has no windows of its own.
 */
export async function activeWindow(
  q: Queryable,
  input: { accountId: string; deviceId?: string | null; at: Date },
): Promise<MaintenanceView | null> {
  const device = input.deviceId ? await findAccountDevice(q, input.accountId, input.deviceId) : null;
  const record = await findActiveMaintenance(q, input.accountId, input.at, device);
  return record && maintenanceView(record, input.at);
}

export async function findMaintenance(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findMaintenanceContract.filters),
    textWhere(ctx.page?.text, findMaintenanceContract.textFields),
  );
  const page = await findMaintenancePage(db(), where, ctx.page!);
  const now = new Date();
  return { ...page, items: page.items.map((record) => maintenanceView(record, now)) };
}

interface CreateInput {
  scope: MaintenanceScope;
  targetId: string;
  starts?: string;
  until: string;
  reason: string;
}

/** The checks the contract leaves to the server: the times' order and reach, the target's presence. */
function checkWindow(input: CreateInput, starts: Date, until: Date, now: Date) {
  const fields: FieldError[] = [];
  if (until <= starts) fields.push({ name: "until", message: "Must be after starts" });
  else if (until <= now) fields.push({ name: "until", message: "Must be in the future" });
  if (until.getTime() - now.getTime() > LONGEST_MS) fields.push({ name: "until", message: "Must be within a year" });
  if (now.getTime() - starts.getTime() > LONGEST_MS)
    fields.push({ name: "starts", message: "Must be within a year of now" });
  if (input.scope === "account" && input.targetId)
    fields.push({ name: "targetId", message: "Must be empty for the account's scope" });
  if (input.scope !== "account" && !input.targetId)
    fields.push({ name: "targetId", message: `Required for the ${input.scope}'s scope` });
  if (fields.length) throw fieldsError("request body", fields);
}

/**
 * A device must be the account's; a product must be one the account's devices use, or, for the
 * deployment's owner (whose account holds the products), any product. Answers the stored target.
 */
async function targetOf(q: Queryable, ctx: CallContext, input: CreateInput): Promise<string> {
  if (input.scope === "device") {
    return (await accountDeviceOrThrow(q, ctx.accountId, input.targetId)).id;
  }
  if (input.scope === "product") {
    const owner = accountCaller(ctx).role === "owner";
    const named = owner
      ? await productExists(q, input.targetId)
      : await accountUsesProduct(q, ctx.accountId, input.targetId);
    if (!named) throw notFound("Cannot find product");
  }
  return input.targetId;
}

export function createMaintenance(ctx: CallContext, input: CreateInput) {
  const now = new Date();
  const starts = input.starts ? new Date(input.starts) : now;
  const until = new Date(input.until);
  checkWindow(input, starts, until, now);
  return transaction(async (tx) => {
    const record = await insertMaintenance(tx, {
      id: newId(),
      accountId: ctx.accountId,
      scope: input.scope,
      targetId: await targetOf(tx, ctx, input),
      starts,
      until,
      reason: input.reason,
      createdBy: actorOf(ctx).label,
    });
    const target = record.targetId ? `${record.scope} ${record.targetId}` : record.scope;
    await recordAudit(
      tx,
      auditEntry(ctx, "maintenance.create", `${record.id} ${target} until ${record.until.toISOString()}`),
    );
    return maintenanceView(record, now);
  });
}

export function removeMaintenance(ctx: CallContext, input: { id: string }) {
  return transaction(async (tx) => {
    const record = await findMaintenanceRow(tx, ctx.accountId, input.id);
    if (!record || !(await deleteMaintenanceRow(tx, ctx.accountId, record.id))) throw notFound(NOT_FOUND);
    await recordAudit(tx, auditEntry(ctx, "maintenance.remove", `${record.id} ${record.reason}`));
    return { id: record.id, removed: true as const };
  });
}
