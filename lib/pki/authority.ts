import { X509Certificate } from "node:crypto";
import { db, isRoot, type Queryable } from "../db/client";
import { findPkiCredential, insertPkiCredentialIfAbsent, renewPkiCredential, type PkiCredentialRow } from "../db/pki";
import { env } from "../env";
import { decrypt, encrypt } from "../security/secrets";
import {
  createAuthority,
  createServerCertificate,
  importKeyPem,
  parseCertificate,
  type Issued,
  type Signer,
} from "./x509";

// The cloud's one device CA and the broker's server certificates it signs, stored as PkiCredential
// rows with their private keys encrypted by ENCRYPTION_KEY (decision 013).

const CA_NAME = "device-ca";
const CA_DAYS = 20 * 365;
const SERVER_DAYS = 365;
/** A server certificate is replaced once less than this is left of it. */
const SERVER_RENEW_MS = 30 * 86_400_000;

export interface Authority {
  pem: string;
  signer: Signer;
  /** The same certificate in Node's native form, which verifies a presented certificate fastest. */
  native: X509Certificate;
}

let cached: Authority | undefined;
/** The first load through the root client, which concurrent first callers in this process share. */
let loading: Promise<Authority> | undefined;

const sealed = (name: string, credential: Issued): PkiCredentialRow => ({
  name,
  certificate: credential.certificatePem,
  keyEncrypted: encrypt(credential.keyPem, env().encryptionKey),
  notAfter: credential.notAfter,
});

function unsealedKey(row: PkiCredentialRow): string {
  try {
    return decrypt(row.keyEncrypted, env().encryptionKey);
  } catch {
    throw new Error(
      `The private key of ${row.name} cannot be decrypted: ENCRYPTION_KEY is not the one it was stored with`,
    );
  }
}

async function authorityOf(row: PkiCredentialRow): Promise<Authority> {
  return {
    pem: row.certificate,
    signer: { certificate: parseCertificate(row.certificate), key: await importKeyPem(unsealedKey(row)) },
    native: new X509Certificate(row.certificate),
  };
}

/**
 * The device CA, created on first use. Reads (and a first creation) go through `q`, so a caller
 * inside a transaction passes it. Of concurrent first creators, in this process or another, the
 * first insert wins and every one of them answers the stored CA. A creation inside a transaction
 * on PostgreSQL that loses to another process aborts that transaction: callers that can, load the
 * CA (deviceCaPem) before opening one.
 */
export async function deviceAuthority(q: Queryable = db()): Promise<Authority> {
  if (cached) return cached;
  if (!isRoot(q)) return loadAuthority(q);
  loading ??= loadAuthority(q).finally(() => (loading = undefined));
  return loading;
}

async function loadAuthority(q: Queryable): Promise<Authority> {
  let row = await findPkiCredential(q, CA_NAME);
  let createdHere = false;
  if (!row) {
    const mine = sealed(CA_NAME, await createAuthority(`${env().cloudName} device CA`, CA_DAYS));
    row = await insertPkiCredentialIfAbsent(q, mine);
    createdHere = row.certificate === mine.certificate;
  }
  const authority = await authorityOf(row);
  // A CA created inside a transaction may yet roll back: it is remembered once read committed.
  if (isRoot(q) || !createdHere) cached = authority;
  return authority;
}

/** The device CA certificate (PEM): the agent's `mqtt.authority`, downloadable by anyone. */
export async function deviceCaPem(): Promise<string> {
  return (await deviceAuthority()).pem;
}

const stillFresh = (row: PkiCredentialRow) => row.notAfter.getTime() - Date.now() > SERVER_RENEW_MS;

/**
 * The broker's server certificate for its public host name (a DNS name or an IP address), signed
 * by the device CA so the agent's `mqtt.authority` verifies it. Created once, replaced when near
 * expiry.
 */
export async function serverCredentials(
  host: string,
): Promise<{ certificatePem: string; keyPem: string; caPem: string }> {
  const authority = await deviceAuthority();
  const name = `server:${host}`;
  const fresh = async () => sealed(name, await createServerCertificate(authority.signer, host, SERVER_DAYS));
  let row = await findPkiCredential(db(), name);
  if (!row) row = await insertPkiCredentialIfAbsent(db(), await fresh());
  else if (!stillFresh(row)) row = await renewPkiCredential(db(), row.notAfter, await fresh());
  return { certificatePem: row.certificate, keyPem: unsealedKey(row), caPem: authority.pem };
}
