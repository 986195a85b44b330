import { randomFillSync } from "node:crypto";

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

// randomBytes per ID costs a call into OpenSSL each time; IDs are made on every request, so
// random bytes are drawn 4 KiB at a time and handed out in slices (as crypto.randomUUID does).
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomSlice(size: number): Uint8Array {
  if (poolOffset + size > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += size;
  return pool.subarray(poolOffset - size, poolOffset);
}

/** A 26-character, time-ordered identifier (ULID layout: 48-bit milliseconds + 80 random bits). */
export function newId(now: number = Date.now()): string {
  let time = "";
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  return time + encode(randomSlice(10), 16);
}

/** A device claim ID as printed on a label: ten characters, no ambiguous letters. */
export function newClaimId(): string {
  return encode(randomSlice(7), 10);
}
