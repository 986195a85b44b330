import { createHmac, timingSafeEqual } from "node:crypto";

// The signature of webhooks, both ways (docs/api.md#webhooks, decision 019): an
// HMAC-SHA256, keyed with the action's secret, of "<unix seconds>.<body>". The timestamp is
// signed with the body so that a captured request cannot be sent again later with a new one.

export const SIGNATURE_HEADERS = {
  timestamp: "X-Fleetport-Timestamp",
  signature: "X-Fleetport-Signature",
  delivery: "X-Fleetport-Delivery",
} as const;

const SCHEME = "sha256=";

/** How far a signed timestamp may be from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const digestOf = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();

/** The X-Fleetport-Signature value: `sha256=<hex>`. */
export const signatureOf = (secret: string, timestamp: number, body: string): string =>
  SCHEME + digestOf(secret, timestamp, body).toString("hex");

/** Whether `header` is the body's signature with this secret and timestamp, compared in constant time. */
export function signatureMatches(secret: string, timestamp: number, body: string, header: string): boolean {
  if (!header.startsWith(SCHEME)) return false;
  const hex = header.slice(SCHEME.length);
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  return timingSafeEqual(Buffer.from(hex, "hex"), digestOf(secret, timestamp, body));
}
