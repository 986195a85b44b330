import { accountDeviceOrThrow } from "../devices";
import { firstRun } from "../../actions/engine/schedule-trigger";
import { newActionSecret } from "../../actions/deliveries/secret";
import {
  findActions as findActionsContract,
  type createAction as createContract,
  type updateAction as updateContract,
} from "../../contracts/action";
import { normaliseClaimId } from "../../contracts/device";
import type { InputOf } from "../../contracts/verb";
import { lastRunsOf } from "../../db/action-history";
import {
  deleteActionRow,
  findAction,
  findActionByName,
  findActionsPage,
  insertAction,
  updateActionRow,
  type ActionChanges,
  type ActionRecord,
} from "../../db/actions";
import { recordAudit } from "../../db/audit";
import { db, isUniqueViolation, transaction, type Queryable } from "../../db/client";
import { filterWhere, textWhere } from "../../db/list";
import { all, equal } from "../../db/where";
import { conflict, notFound } from "../../errors";
import { newId } from "../../ids";
import { auditEntry, type CallContext } from "../context";
import { judgeAction, settingsIn, type ActionSettings } from "./judge";
import { actionView } from "./views";

// Actions belong to an account: every read and write is scoped by the account the call acts in,
// and another account's action is as absent as one that never existed (docs/api.md#action).

const NOT_FOUND = "Cannot find action";
/** Steps whose destination names a device of the account. */
const DEVICE_STEPS: ReadonlySet<string> = new Set(["device", "database"]);

export async function actionOrThrow(q: Queryable, accountId: string, id: string): Promise<ActionRecord> {
  const record = await findAction(q, accountId, id);
  if (!record) throw notFound(NOT_FOUND);
  return record;
}

const nameTaken = (name: string) => conflict(`An action named ${JSON.stringify(name)} exists already`);

/** A device trigger's device ID kept as a claim reads a typed one, as devices are stored. */
const withDeviceId = <T extends Partial<ActionSettings>>(s: T): T =>
  s.deviceId ? { ...s, deviceId: normaliseClaimId(s.deviceId) } : s;

/** The devices an action names are the account's: another account's device is as absent as none. */
async function checkDevices(accountId: string, s: ActionSettings): Promise<void> {
  const named = [s.trigger === "device" ? s.deviceId : null, DEVICE_STEPS.has(s.type) ? s.destination : null];
  for (const id of named) {
    if (id) await accountDeviceOrThrow(db(), accountId, id);
  }
}

/** A schedule's next firing from now, kept on the row so schedules survive restarts; none when off. */
const nextRunOf = (s: ActionSettings, now: Date): Date | null => (s.enable ? firstRun(s, now) : null);

/** Runs a write that names the action; a name taken meanwhile by another call is a conflict too. */
async function writing<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

// action/find — with each action's newest run, read for the whole page at once
export async function findActions(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findActionsContract.filters),
    textWhere(ctx.page?.text, findActionsContract.textFields),
  );
  const page = await findActionsPage(db(), where, ctx.page!);
  const lastRuns = await lastRunsOf(
    db(),
    page.items.map((action) => action.id),
  );
  return { ...page, items: page.items.map((action) => actionView(action, lastRuns.get(action.id) ?? null)) };
}

// action/get
export async function getAction(ctx: CallContext, input: { id: string }) {
  const record = await actionOrThrow(db(), ctx.accountId, input.id);
  const lastRuns = await lastRunsOf(db(), [record.id]);
  return actionView(record, lastRuns.get(record.id) ?? null);
}

// action/create — answers the signing secret, this once
export async function createAction(ctx: CallContext, input: InputOf<typeof createContract>) {
  const settings: ActionSettings = withDeviceId(settingsIn(input));
  const { name } = settings;
  judgeAction(settings);
  await checkDevices(ctx.accountId, settings);
  const { secret, sealed } = newActionSecret();
  const record = await writing(name, () =>
    transaction(async (tx) => {
      if (await findActionByName(tx, ctx.accountId, name)) throw nameTaken(name);
      const created = await insertAction(tx, {
        ...settings,
        id: newId(),
        accountId: ctx.accountId,
        name,
        secretSealed: sealed,
        nextRun: nextRunOf(settings, new Date()),
      });
      await recordAudit(tx, auditEntry(ctx, "action.create", `${created.id} ${created.name}`));
      return created;
    }),
  );
  return { ...actionView(record, null), secret };
}

/** Changes that move a schedule's next firing. */
const RESCHEDULING = ["trigger", "schedule", "timezone", "enable"] as const;

// action/update — judged as the action would be saved; rotateSecret answers a new secret once
export async function updateAction(ctx: CallContext, input: InputOf<typeof updateContract>) {
  const { id, rotateSecret } = input;
  const changes = withDeviceId(settingsIn(input));
  const existing = await actionOrThrow(db(), ctx.accountId, id);
  const settings: ActionSettings = { ...settingsIn(existing), ...changes };
  judgeAction(settings);
  await checkDevices(ctx.accountId, settings);
  const rotated = rotateSecret ? newActionSecret() : null;
  const update: ActionChanges = { ...changes, secretSealed: rotated?.sealed };
  if (RESCHEDULING.some((field) => field in changes)) update.nextRun = nextRunOf(settings, new Date());
  const record = await writing(settings.name, () =>
    transaction(async (tx) => {
      await actionOrThrow(tx, ctx.accountId, id);
      const taken = changes.name === undefined ? null : await findActionByName(tx, ctx.accountId, changes.name);
      if (taken && taken.id !== id) throw nameTaken(settings.name);
      const updated = await updateActionRow(tx, id, update);
      await recordAudit(tx, auditEntry(ctx, "action.update", `${updated.id} ${updated.name}`));
      return updated;
    }),
  );
  const lastRuns = await lastRunsOf(db(), [id]);
  return { ...actionView(record, lastRuns.get(id) ?? null), ...(rotated ? { secret: rotated.secret } : {}) };
}

// action/remove — its runs and queued deliveries go with it
export function removeAction(ctx: CallContext, input: { id: string }) {
  return transaction(async (tx) => {
    const record = await actionOrThrow(tx, ctx.accountId, input.id);
    await deleteActionRow(tx, record.id);
    await recordAudit(tx, auditEntry(ctx, "action.remove", `${record.id} ${record.name}`));
    return { id: record.id, removed: true as const };
  });
}
