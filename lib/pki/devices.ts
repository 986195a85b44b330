import { X509Certificate } from "node:crypto";
import type { DeviceIdentity } from "../broker/seam";
import { db, type Queryable } from "../db/client";
import { findDeviceCertificate, insertDeviceCertificate, isClaimedBy, revokeCertificatesOf } from "../db/pki";
import { env } from "../env";
import { deviceAuthority } from "./authority";
import { createClientCertificate } from "./x509";

// Device client certificates: issued at provisioning, checked at every connect, revoked on release
// (decision 013). The private key is answered once and never kept.

/**
 * Issues a client certificate for a claimed device and records it. `q`, when given, is the
 * transaction the issue belongs to (the record goes with it).
 */
export async function issueDeviceCertificate(
  q: Queryable | undefined,
  device: { deviceId: string; accountId: string },
): Promise<{ certificatePem: string; keyPem: string; serial: string; notAfter: Date }> {
  const into = q ?? db();
  const authority = await deviceAuthority(into);
  const issued = await createClientCertificate(authority.signer, device.deviceId, env().deviceCertDays);
  await insertDeviceCertificate(into, {
    serial: issued.serial,
    accountId: device.accountId,
    deviceId: device.deviceId,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
  });
  return {
    certificatePem: issued.certificatePem,
    keyPem: issued.keyPem,
    serial: issued.serial,
    notAfter: issued.notAfter,
  };
}

function parsed(certificate: string | Buffer): X509Certificate | null {
  try {
    return new X509Certificate(certificate);
  } catch {
    return null;
  }
}

/** The subject's common name: the device ID the certificate was issued to. */
function commonName(certificate: X509Certificate): string | undefined {
  return certificate.subject
    .split("\n")
    .find((part) => part.startsWith("CN="))
    ?.slice(3);
}

/**
 * Whether a presented client certificate admits a device now: signed by our CA, within its
 * validity, issued by us (its serial is recorded), not revoked, and its device still claimed by
 * the account it was issued in. Answers the device's identity, or null. `expectedDeviceId` (the
 * MQTT client ID, say) must then name the same device.
 */
export async function certificateStanding(
  certificate: string | Buffer,
  expectedDeviceId?: string,
): Promise<DeviceIdentity | null> {
  const presented = parsed(certificate);
  if (!presented) return null;
  const authority = await deviceAuthority();
  const now = Date.now();
  if (!presented.checkIssued(authority.native) || !presented.verify(authority.native.publicKey)) return null;
  if (now < Date.parse(presented.validFrom) || now > Date.parse(presented.validTo)) return null;
  const record = await findDeviceCertificate(db(), presented.serialNumber.toUpperCase());
  if (!record || record.revoked || record.notAfter.getTime() < now) return null;
  if (commonName(presented) !== record.deviceId) return null;
  if (expectedDeviceId !== undefined && expectedDeviceId !== record.deviceId) return null;
  if (!(await isClaimedBy(db(), record.deviceId, record.accountId))) return null;
  return { deviceId: record.deviceId, accountId: record.accountId, serial: record.serial };
}

/** Revokes every standing certificate of the device, in the caller's transaction (release). */
export async function revokeDeviceCertificates(tx: Queryable, deviceId: string): Promise<void> {
  await revokeCertificatesOf(tx, deviceId, new Date());
}
