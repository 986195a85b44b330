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
  const time = new Uint8Array(6);
  let t = now;
  for (let i = 5; i >= 0; i--) {
    time[i] = t % 256;
    t = Math.floor(t / 256);
  }
  // 10 time chars (50 bits, leading 2 zero bits) + 16 random chars.
  const timePart = encode(new Uint8Array([0, ...time]), 12).slice(2);
  return timePart + encode(randomBytes(10), 16);
}

/** A device claim ID as printed on a label: ten characters, no ambiguous letters. */
export function newClaimId(): string {
  return encode(randomBytes(7), 10);
}
