import { randomBytes } from "node:crypto";

// Crockford base32: no I, L, O or U, so IDs survive being read aloud or typed from a label.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encode(bytes: Uint8Array, length: number): string {
  let out = "";
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A 26-character, time-ordered identifier (ULID layout: 48-bit milliseconds + 80 random bits). */
export function newId(now: number = Date.now()): string {
  let time = "";
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  return time + encode(randomBytes(10), 16);
}

/** A device claim ID as printed on a label: ten characters, no ambiguous letters. */
export function newClaimId(): string {
  return encode(randomBytes(7), 10);
}
