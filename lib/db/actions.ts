import { z } from "zod";
import { actionSettings, type StepType, type Trigger } from "../contracts/action";
import type { Severity } from "../contracts/alert";
import type { DimensionSet } from "../contracts/metric";
import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

// Actions as the engine and the services read them: JSON columns parsed with their contracts, so
// what leaves here is always well formed (decision 018). The secret stays sealed: only the code
// that signs or verifies opens it.

export interface ActionRecord {
  id: string;
  accountId: string;
  name: string;
  description: string;
  enable: boolean;
  trigger: Trigger;
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  statistic: z.output<typeof actionSettings.statistic>;
  period: number;
  expression: string;
  clear: string;
  hold: number;
  deviceId: string | null;
  schedule: string;
  timezone: string;
  minSeverity: Severity | "";
  poll: number;
  rearm: number;
  type: StepType;
  destination: string;
  message: string;
  severity: Severity;
  args: Record<string, unknown>;
  secretSealed: string;
  nextRun: Date | null;
  created: Date;
  updated: Date;
}

type ActionRow = NonNullable<Awaited<ReturnType<Queryable["action"]["findFirst"]>>>;

export function actionRecordOf(row: ActionRow): ActionRecord {
  const { secret, dimensions, args, ...rest } = row;
  return {
    ...rest,
    trigger: z.enum(actionSettings.trigger.options).parse(row.trigger),
    statistic: actionSettings.statistic.parse(row.statistic),
    minSeverity: actionSettings.minSeverity.parse(row.minSeverity),
    type: actionSettings.type.parse(row.type),
    severity: actionSettings.severity.parse(row.severity),
    dimensions: actionSettings.dimensions.parse(JSON.parse(dimensions)),
    args: actionSettings.args.parse(JSON.parse(args)),
    secretSealed: secret,
  };
}

/** The columns of the settings a person sets (JSON ones as text). */
export function actionColumnsOf(settings: Partial<Omit<ActionRecord, "id" | "accountId" | "created" | "updated">>) {
  const { dimensions, args, secretSealed, ...rest } = settings;
  return {
    ...rest,
    dimensions: dimensions === undefined ? undefined : JSON.stringify(dimensions),
    args: args === undefined ? undefined : JSON.stringify(args),
    secret: secretSealed,
  };
}

export async function findAction(q: Queryable, accountId: string, id: string): Promise<ActionRecord | null> {
  const row = await q.action.findFirst({ where: { id, accountId } });
  return row && actionRecordOf(row);
}

/**
 * An action by its ID alone, in whichever account: only for the inbound webhook, whose URL names
 * the action and whose signature with the action's secret is the caller's credential.
 */
export async function findHookAction(q: Queryable, id: string): Promise<ActionRecord | null> {
  const row = await q.action.findUnique({ where: { id } });
  return row && actionRecordOf(row);
}

export async function findActionByName(q: Queryable, accountId: string, name: string): Promise<ActionRecord | null> {
  const row = await q.action.findFirst({ where: { accountId, name } });
  return row && actionRecordOf(row);
}

/** Every enabled action of a trigger, across accounts: what the engine watches. */
export async function enabledActions(q: Queryable, trigger: Trigger): Promise<ActionRecord[]> {
  return (await q.action.findMany({ where: { trigger, enable: true }, orderBy: { id: "asc" } })).map(actionRecordOf);
}

export type NewAction = Omit<ActionRecord, "created" | "updated">;

export async function insertAction(q: Queryable, action: NewAction): Promise<ActionRecord> {
  const { secretSealed, dimensions, args, ...columns } = action;
  const row = await q.action.create({
    data: { ...columns, dimensions: JSON.stringify(dimensions), args: JSON.stringify(args), secret: secretSealed },
  });
  return actionRecordOf(row);
}

export type ActionChanges = Partial<Omit<ActionRecord, "id" | "accountId" | "created" | "updated">>;

export async function updateActionRow(q: Queryable, id: string, changes: ActionChanges): Promise<ActionRecord> {
  return actionRecordOf(await q.action.update({ where: { id }, data: actionColumnsOf(changes) }));
}

/** Its subjects, runs and their deliveries go with it (cascade). */
export async function deleteActionRow(q: Queryable, id: string): Promise<void> {
  await q.action.delete({ where: { id } });
}

export function findActionsPage(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      async (args) => (await q.action.findMany(args)).map(actionRecordOf),
      (args) => q.action.count(args),
    ),
  );
}
