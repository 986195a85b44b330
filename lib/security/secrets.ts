import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** A high-entropy token with a kind prefix: `fpc_` + 192 random bits, base64url. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

/** Tokens are stored only as this hash. SHA-256 suffices: the input has 192 bits of entropy. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The part of a token shown in lists so a person can tell tokens apart. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, 10);
}

/** AES-256-GCM with a 32-byte key: iv.tag.ciphertext, base64url parts. */
export function encrypt(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export function decrypt(sealed: string, key: Buffer): string {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("Malformed encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
