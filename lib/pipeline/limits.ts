import type { InputLimit, InputRate } from "../contracts/verb";
import { env, type Env } from "../env";
import { rateLimited } from "../errors";
import { rateLimiter } from "./rate-limit";

// Keys: `addr:<surface>:<address>`, `token:<token id>` (never a product: a fleet shares it), and `<rate>:<key>` for the
// limits verbs declare on their input (decision 004).

/** The configured rate behind each name a verb's input limit uses. */
const INPUT_RATES: Record<InputRate, (config: Env) => number> = {
  register: (config) => config.registerRatePerMinute,
};

/** Counts one call against `key`; rate_limited (with the wait) past `perMinute`. */
export function limit(key: string, perMinute: number): void {
  const wait = rateLimiter.hit(key, perMinute);
  if (wait > 0) throw rateLimited(wait);
}

export function limitInput<Input>(rule: InputLimit<Input>, input: Input): void {
  limit(`${rule.rate}:${rule.per(input)}`, INPUT_RATES[rule.rate](env()));
}
