import { env } from "../env";
import { VersionedCache } from "../versioned-cache";

// Answers of cacheable reads (ADR 009) as the bytes sent, sized by those bytes and the key's length.
let shared: VersionedCache<Uint8Array<ArrayBuffer>> | undefined;

/** This process's answer cache, sized by ANSWER_CACHE_MB (0 turns it off). */
export function answerCache(): VersionedCache<Uint8Array<ArrayBuffer>> {
  shared ??= new VersionedCache<Uint8Array<ArrayBuffer>>(
    env().answerCacheBytes,
    (key, answer) => key.length + answer.byteLength,
  );
  return shared;
}
