import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "../env";
import { accessDenied } from "../errors";

// Signed file URLs (decision 016): `<APP_ORIGIN>/files/<grant>.<signature>`. The grant names one
// file, one command, its type, the most bytes it may carry and when it expires; the signature is an
// HMAC-SHA256 of the grant under a key derived from ENCRYPTION_KEY, so the URL needs no other
// credential and no field of it can be changed. Both parts are base64url: the URL holds nothing a
// JSON string escapes, which matters because the agent reads getSignedUrl's answer with its quotes
// trimmed rather than parsed.

export const FILE_COMMANDS = ["get", "put", "delete"] as const;
export type FileCommand = (typeof FILE_COMMANDS)[number];

const target = z.discriminatedUnion("kind", [
  /** A file a device stores under a name of its choosing. */
  z.object({ kind: z.literal("device"), accountId: z.string(), deviceId: z.string(), filename: z.string() }),
  /** The image of a product's firmware release (uploaded once, then read by its devices). */
  z.object({ kind: z.literal("image"), productId: z.string(), version: z.string(), filename: z.string() }),
]);
export type FileTarget = z.infer<typeof target>;

const grantSchema = z.object({
  target,
  command: z.enum(FILE_COMMANDS),
  mimeType: z.string(),
  /** The most bytes a put may carry. */
  size: z.number().int().min(0),
  /** Epoch seconds. */
  expires: z.number().int(),
});
export type FileGrant = z.infer<typeof grantSchema>;

const PATH = "/files/";
let cachedKey: { source: Buffer; key: Buffer } | undefined;

/** A key of its own for URLs, so a signature can never be mistaken for anything else ENCRYPTION_KEY protects. */
function signingKey(): Buffer {
  const source = env().encryptionKey;
  if (cachedKey?.source !== source) {
    const key = Buffer.from(hkdfSync("sha256", source, Buffer.alloc(0), "fleetport signed file urls", 32));
    cachedKey = { source, key };
  }
  return cachedKey.key;
}

const signatureOf = (grant: string) => createHmac("sha256", signingKey()).update(grant).digest();

/** The URL that lets its bearer run `grant` until it expires. */
export function signedUrl(grant: FileGrant): string {
  const encoded = Buffer.from(JSON.stringify(grant)).toString("base64url");
  return `${env().appOrigin}${PATH}${encoded}.${signatureOf(encoded).toString("base64url")}`;
}

/** Minutes from now, as a grant's expiry. */
export const expiresIn = (minutes: number, now = Date.now()) => Math.floor(now / 1000) + minutes * 60;

const FORGED = "This file URL is not valid";

/** The grant a URL's last path segment carries, if its signature is ours and it has not expired. */
export function verifiedGrant(token: string, now = Date.now()): FileGrant {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0) throw accessDenied(FORGED);
  const expected = signatureOf(encoded);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw accessDenied(FORGED);
  let grant: FileGrant;
  try {
    grant = grantSchema.parse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
  } catch {
    // Only this server signs grants, so a signed grant that does not parse is one of an older shape.
    throw accessDenied(FORGED);
  }
  if (grant.expires * 1000 <= now) throw accessDenied("This file URL has expired");
  return grant;
}
