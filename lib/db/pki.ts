import type { Queryable } from "./client";

// The cloud's own credentials (the device CA, the broker's server certificates) and the client
// certificates issued to devices (decision 013). Private keys arrive here already encrypted.

export interface PkiCredentialRow {
  name: string;
  certificate: string;
  keyEncrypted: string;
  notAfter: Date;
}

export const findPkiCredential = (q: Queryable, name: string): Promise<PkiCredentialRow | null> =>
  q.pkiCredential.findUnique({ where: { name } });

/**
 * Inserts a credential unless one of that name exists; answers the stored one either way, so
 * concurrent first creators (in this process or another) all end up with the same credential.
 */
export async function insertPkiCredentialIfAbsent(q: Queryable, row: PkiCredentialRow): Promise<PkiCredentialRow> {
  try {
    await q.pkiCredential.create({ data: row });
  } catch (error) {
    // Another creator won the insert: theirs is the credential.
    if (!(await findPkiCredential(q, row.name))) throw error;
  }
  return (await findPkiCredential(q, row.name))!;
}

/**
 * Replaces a credential only if it is still the one the caller read (same expiry), so of several
 * concurrent renewals one wins and the others read the winner's.
 */
export async function renewPkiCredential(
  q: Queryable,
  previousNotAfter: Date,
  row: PkiCredentialRow,
): Promise<PkiCredentialRow> {
  await q.pkiCredential.updateMany({
    where: { name: row.name, notAfter: previousNotAfter },
    data: { certificate: row.certificate, keyEncrypted: row.keyEncrypted, notAfter: row.notAfter },
  });
  return (await findPkiCredential(q, row.name))!;
}

export interface DeviceCertificateRow {
  serial: string;
  accountId: string;
  deviceId: string;
  notBefore: Date;
  notAfter: Date;
  revoked: Date | null;
  created: Date;
}

export const insertDeviceCertificate = (
  q: Queryable,
  data: { serial: string; accountId: string; deviceId: string; notBefore: Date; notAfter: Date },
) => q.deviceCertificate.create({ data });

export const findDeviceCertificate = (q: Queryable, serial: string): Promise<DeviceCertificateRow | null> =>
  q.deviceCertificate.findUnique({ where: { serial } });

/** A device's certificates issued in one account, newest first, at most `limit`. */
export const findAccountDeviceCertificates = (
  q: Queryable,
  accountId: string,
  deviceId: string,
  limit: number,
): Promise<DeviceCertificateRow[]> =>
  q.deviceCertificate.findMany({
    where: { accountId, deviceId },
    orderBy: [{ created: "desc" }, { serial: "desc" }],
    take: limit,
  });

/** Every certificate of the device still standing is revoked as of `now`. */
export const revokeCertificatesOf = (q: Queryable, deviceId: string, now: Date) =>
  q.deviceCertificate.updateMany({ where: { deviceId, revoked: null }, data: { revoked: now } });

/** Whether the device is claimed by the account now (a certificate stands only while it is). */
export async function isClaimedBy(q: Queryable, deviceId: string, accountId: string): Promise<boolean> {
  return (await q.device.count({ where: { id: deviceId, accountId } })) === 1;
}
