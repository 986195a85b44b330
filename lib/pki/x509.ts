// The X.509 library resolves its parts through a container that needs Reflect metadata: loaded first.
import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import { isIP } from "node:net";
import * as x509 from "@peculiar/x509";

// Building certificates with a maintained X.509 library on Node's WebCrypto: ECDSA P-256 keys,
// SHA-256 signatures (decision 013). Nothing here touches the database.

x509.cryptoProvider.set(webcrypto as Crypto);

const KEY_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;
/** Certificates start a little in the past: a device's clock may lag the cloud's. */
const BACKDATE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/** A certificate and the private key that goes with it. */
export interface Issued {
  certificatePem: string;
  keyPem: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

/** A CA able to sign: its certificate and its private key. */
export interface Signer {
  certificate: x509.X509Certificate;
  key: CryptoKey;
}

const newKeys = () => webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;

/**
 * 128 random bits, the first byte kept in 0x40–0x7f: positive (no DER sign byte) and never with a
 * leading zero, so the hex the certificate states is the hex we store, in upper case as Node's
 * TLS and X509Certificate report it.
 */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x40 | (bytes[0]! & 0x3f);
  return bytes.toString("hex").toUpperCase();
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey("pkcs8", key);
  return x509.PemConverter.encode(der, "PRIVATE KEY");
}

export async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return webcrypto.subtle.importKey("pkcs8", der, KEY_ALGORITHM, false, ["sign"]);
}

export const parseCertificate = (pem: string) => new x509.X509Certificate(pem);

function validity(days: number) {
  const now = Date.now();
  return { notBefore: new Date(now - BACKDATE_MS), notAfter: new Date(now + days * DAY_MS) };
}

const serialOf = (certificate: x509.X509Certificate) => certificate.serialNumber.toUpperCase();

async function issued(certificate: x509.X509Certificate, key: CryptoKey): Promise<Issued> {
  return {
    certificatePem: certificate.toString("pem"),
    keyPem: await keyPem(key),
    serial: serialOf(certificate),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}

/** A self-signed CA that signs certificates only (no intermediates below it). */
export async function createAuthority(commonName: string, days: number): Promise<Issued> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerial(),
    name: [{ CN: [commonName] }],
    ...validity(days),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return issued(certificate, keys.privateKey);
}

/** An end-entity certificate signed by `signer`, with a fresh key pair. */
async function createLeaf(
  signer: Signer,
  commonName: string,
  days: number,
  usage: "clientAuth" | "serverAuth",
  extra: x509.Extension[] = [],
): Promise<Issued> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject: [{ CN: [commonName] }],
    issuer: signer.certificate.subject,
    ...validity(days),
    publicKey: keys.publicKey,
    signingKey: signer.key,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([usage === "clientAuth" ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1"]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(signer.certificate.publicKey),
      ...extra,
    ],
  });
  return issued(certificate, keys.privateKey);
}

/** A device's client certificate: its subject names the device. */
export const createClientCertificate = (signer: Signer, deviceId: string, days: number) =>
  createLeaf(signer, deviceId, days, "clientAuth");

/** The broker's server certificate for its public host name, a DNS name or an IP address. */
export const createServerCertificate = (signer: Signer, host: string, days: number) =>
  createLeaf(signer, host, days, "serverAuth", [
    new x509.SubjectAlternativeNameExtension([{ type: isIP(host) ? "ip" : "dns", value: host }]),
  ]);
