import { env } from "../env";
import { VersionedCache } from "../versioned-cache";

// Serialised answers of cacheable reads (ADR 009), sized by their length in UTF-16 code units
// (near enough to bytes) and the key's.
let shared: VersionedCache<string> | undefined;

/** This process's answer cache, sized by ANSWER_CACHE_MB (0 turns it off). */
export function answerCache(): VersionedCache<string> {
  shared ??= new VersionedCache(env().answerCacheBytes, (key, answer) => key.length + answer.length);
  return shared;
}
