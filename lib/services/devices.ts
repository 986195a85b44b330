import { findDevices as findDevicesContract, normaliseClaimId } from "../contracts/device";
import { recordAudit } from "../db/audit";
import { db, transaction, type Queryable } from "../db/client";
import {
  claimIfUnclaimed,
  countCountedDevices,
  findAccountDevice,
  findDeviceById,
  findDevicesPage,
  insertDevice,
  lockAccount,
  refreshPoolDevice,
  returnToPool,
  updateAccountDevice,
} from "../db/devices";
import { filterWhere, textWhere } from "../db/list";
import { all, type Where } from "../db/where";
import { enqueueDeviceMessage } from "../db/device-messages";
import { createTokenRow, revokeTokensOf } from "../db/tokens";
import { env } from "../env";
import { ApiError, conflict, DEVICE_NOT_FOUND, notFound } from "../errors";
import { newId } from "../ids";
import { revokeDeviceCertificates } from "../pki";
import { hashSecret, newSecret, secretPrefix } from "../security/secrets";
import { TOKEN_PREFIX } from "./authenticate";
import { auditEntry, type CallContext } from "./context";
import { recordDeviceContact } from "./device-contact";
import { deviceView } from "./views";

/** What a person types from a label: any case, with spaces and dashes. */

interface RegisterInput {
  id: string;
  name?: string;
  description?: string;
  model?: string;
  test?: boolean;
  version?: string;
}

// builder/device/register — idempotent; answers "wait" until claimed, then the cloud to use.
export async function registerDevice(ctx: CallContext, input: RegisterInput) {
  const p = ctx.principal;
  if (p?.kind !== "product") throw new ApiError("auth_mismatch", "A product token is required to register");
  const id = normaliseClaimId(input.id);
  const fields = {
    name: input.name,
    description: input.description,
    model: input.model,
    test: input.test,
    version: input.version,
  };
  let device = await findDeviceById(db(), id);
  if (!device) {
    await insertDevice(db(), {
      id,
      productId: p.productId,
      name: fields.name ?? "",
      description: fields.description ?? "",
      model: fields.model ?? "",
      test: fields.test ?? false,
      version: fields.version ?? "",
    }).catch(async (error: unknown) => {
      // A concurrent first registration of the same ID won the insert: that is fine.
      if (!(await findDeviceById(db(), id))) throw error;
    });
    device = await findDeviceById(db(), id);
  } else if (device.productId !== p.productId) {
    throw conflict("This device ID is registered to another product");
  } else if (!device.accountId) {
    await refreshPoolDevice(db(), id, fields);
  }
  await recordDeviceContact(id, new Date(), device?.accessed);
  if (!device?.accountId) return { registered: true as const };
  const accountId = device.accountId;
  // The agent asks once per claim; each claimed answer carries a fresh device token.
  const token = newSecret(TOKEN_PREFIX.device);
  await createTokenRow(db(), {
    id: newId(),
    accountId,
    deviceId: id,
    kind: "device",
    name: id,
    role: "device",
    prefix: secretPrefix(token),
    hash: hashSecret(token),
  });
  const { appOrigin, cloudName, cloudRegion } = env();
  return {
    registered: true as const,
    id,
    api: appOrigin,
    token,
    accountId,
    cloudType: "hosted" as const,
    cloudName,
    cloudRegion,
  };
}

// device/claim — exactly one of many concurrent claims wins (a conditional update).
export async function claimDevice(ctx: CallContext, input: { id: string; test?: boolean }) {
  const id = normaliseClaimId(input.id);
  if (!id) throw notFound(DEVICE_NOT_FOUND);
  return transaction(async (tx) => {
    const account = await lockAccount(tx, ctx.accountId);
    const existing = await findDeviceById(tx, id);
    if (!existing) throw notFound(DEVICE_NOT_FOUND);
    if (existing.accountId === ctx.accountId) return deviceView(existing);
    if (existing.accountId) throw conflict("This device is already claimed by another account");
    const test = input.test ?? existing.test;
    if (
      !test &&
      account.deviceLimit !== null &&
      (await countCountedDevices(tx, ctx.accountId)) >= account.deviceLimit
    ) {
      throw new ApiError("account_limit_exceeded", `The account's device limit (${account.deviceLimit}) is reached`);
    }
    const now = new Date();
    if (!(await claimIfUnclaimed(tx, id, ctx.accountId, input.test, now))) {
      throw conflict("This device is already claimed by another account");
    }
    await recordAudit(tx, auditEntry(ctx, "device.claim", id));
    const claimed = await findAccountDevice(tx, ctx.accountId, id);
    return deviceView(claimed!);
  });
}

/** A device of the account, named as a person types its ID (any case, dashes); another account's is not found. */
export async function accountDeviceOrThrow(q: Queryable, accountId: string, typedId: string) {
  const device = await findAccountDevice(q, accountId, normaliseClaimId(typedId));
  if (!device) throw notFound(DEVICE_NOT_FOUND);
  return device;
}

export const getDeviceOrThrow = (ctx: CallContext, id: string) => accountDeviceOrThrow(db(), ctx.accountId, id);

/** The calling device itself, named by its ID as the agent sends it; any other ID is not found. */
export async function callingDevice(ctx: CallContext, id: string) {
  const principal = ctx.principal;
  if (principal?.kind !== "device" || normaliseClaimId(id) !== principal.deviceId) throw notFound(DEVICE_NOT_FOUND);
  return getDeviceOrThrow(ctx, principal.deviceId);
}

export async function getDevice(ctx: CallContext, input: { id: string }) {
  return deviceView(await getDeviceOrThrow(ctx, input.id));
}

/** `filter=` text: the ID part matches as a claim reads a label (any case, spaces and dashes). */
function searchWhere(text: string | undefined): Where | undefined {
  if (!text) return undefined;
  const others = findDevicesContract.textFields.filter((field) => field !== "id");
  const matches = [textWhere(normaliseClaimId(text), ["id"]), textWhere(text, others)];
  return { or: matches.filter((match): match is Where => match !== undefined) };
}

export async function findDevices(ctx: CallContext, input: Record<string, unknown>) {
  const filters = all(filterWhere(input, findDevicesContract.filters), searchWhere(ctx.page?.text));
  const page = await findDevicesPage(db(), ctx.accountId, filters, ctx.page!);
  return { ...page, items: page.items.map(deviceView) };
}

// device/update — the write is scoped by account, so a device released (and perhaps claimed by
// another account) since it was read is not renamed.
export async function updateDevice(ctx: CallContext, input: { id: string; name?: string; description?: string }) {
  const id = normaliseClaimId(input.id);
  const changes = { name: input.name, description: input.description };
  if (!(await updateAccountDevice(db(), ctx.accountId, id, changes))) throw notFound(DEVICE_NOT_FOUND);
  return getDevice(ctx, { id });
}

// device/release — back to the pool; every token and certificate of the device dies in the same
// transaction, which also queues the release message that tells a connected agent to deprovision.
export async function releaseDevice(ctx: CallContext, input: { id: string }) {
  return transaction(async (tx) => {
    const device = await findAccountDevice(tx, ctx.accountId, normaliseClaimId(input.id));
    if (!device || !(await returnToPool(tx, device.id, ctx.accountId)).count) throw notFound(DEVICE_NOT_FOUND);
    const now = new Date();
    await revokeTokensOf(tx, { deviceId: device.id }, now);
    await revokeDeviceCertificates(tx, device.id);
    // The payload is the release time: the agent ignores a release stamped long before its clock.
    await enqueueDeviceMessage(tx, device.id, `ioto/device/${device.id}/provision/release`, String(now.getTime()));
    await recordAudit(tx, auditEntry(ctx, "device.release", device.id));
    return deviceView((await findDeviceById(tx, device.id))!);
  });
}
