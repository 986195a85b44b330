import { normaliseClaimId } from "../contracts/device";
import { recordAudit } from "../db/audit";
import { db, transaction } from "../db/client";
import { markProvisioned } from "../db/devices";
import { findAccountDeviceCertificates } from "../db/pki";
import { createTokenRow } from "../db/tokens";
import { env } from "../env";
import { DEVICE_NOT_FOUND, notFound } from "../errors";
import { newId } from "../ids";
import { deviceCaPem, issueDeviceCertificate, revokeDeviceCertificates } from "../pki";
import { hashSecret, newSecret, secretPrefix } from "../security/secrets";
import { TOKEN_PREFIX } from "./authenticate";
import { auditEntry, type CallContext } from "./context";
import { getDeviceOrThrow } from "./devices";

// Provisioning (decision 013): a claimed device takes its client certificate and, if it asks,
// short-lived credentials. Only the device itself may: its token names it.

/** How long a getCreds session token works. */
const SESSION_TOKEN_MS = 3_600_000;
/** The certificates device/getCertificates lists: a device provisions about once a month. */
const CERTIFICATES_LISTED = 100;

/** The calling device, which must be the one named; anything else is a device it cannot see. */
function callingDevice(ctx: CallContext, named?: string): string {
  const p = ctx.principal;
  if (p?.kind !== "device") throw notFound(DEVICE_NOT_FOUND);
  if (named !== undefined && normaliseClaimId(named) !== p.deviceId) throw notFound(DEVICE_NOT_FOUND);
  return p.deviceId;
}

// device/provision = provision/getCerts — a new certificate replaces the device's earlier ones.
export async function provisionDevice(ctx: CallContext, input: { id: string }) {
  const id = callingDevice(ctx, input.id);
  // The CA exists before the transaction: on PostgreSQL, two first creations inside transactions
  // would abort all but one of them.
  await deviceCaPem();
  const issued = await transaction(async (tx) => {
    // Scoped by account: a device released since its token was checked is not provisioned.
    if (!(await markProvisioned(tx, id, ctx.accountId))) throw notFound(DEVICE_NOT_FOUND);
    await revokeDeviceCertificates(tx, id);
    const certificate = await issueDeviceCertificate(tx, { deviceId: id, accountId: ctx.accountId });
    await recordAudit(tx, auditEntry(ctx, "device.provision", `${id} ${certificate.serial}`));
    return certificate;
  });
  const { mqttHost, mqttPort, cloudName, cloudRegion } = env();
  return {
    id,
    accountId: ctx.accountId,
    certificate: issued.certificatePem,
    key: issued.keyPem,
    endpoint: mqttHost,
    port: mqttPort,
    thing: id,
    cloudType: "hosted" as const,
    cloudName,
    cloudRegion,
  };
}

// device/getCreds = provision/getCreds — a device token that expires; release revokes it too.
export async function getDeviceCredentials(ctx: CallContext) {
  const id = callingDevice(ctx);
  const token = newSecret(TOKEN_PREFIX.device);
  const expires = new Date(Date.now() + SESSION_TOKEN_MS);
  const tokenId = newId();
  await createTokenRow(db(), {
    id: tokenId,
    accountId: ctx.accountId,
    deviceId: id,
    kind: "device",
    name: id,
    role: "device",
    prefix: secretPrefix(token),
    hash: hashSecret(token),
    expires,
  });
  const { cloudRegion } = env();
  return {
    accessKeyId: tokenId,
    secretAccessKey: token,
    sessionToken: token,
    expires: expires.toISOString(),
    region: cloudRegion,
  };
}

// device/getCertificates (+) — a device of another account (or none) is not found.
export async function getDeviceCertificates(ctx: CallContext, input: { id: string }) {
  const device = await getDeviceOrThrow(ctx, input.id);
  const rows = await findAccountDeviceCertificates(db(), ctx.accountId, device.id, CERTIFICATES_LISTED);
  return rows.map((row) => ({
    serial: row.serial,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    revoked: row.revoked?.toISOString() ?? null,
    created: row.created.toISOString(),
  }));
}
