import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { validationError } from "../errors";

// NIST SP 800-63B §5.1.1.2: a new password is refused when it is in a breach corpus or a
// dictionary, repetitive or sequential, or made of words from its context (the service's name, the
// user's email or name). zxcvbn estimates how many guesses those patterns leave an attacker, from
// the offline lists of @zxcvbn-ts/language-common (common and breached passwords, common words,
// keyboard layouts). Scores run 0 to 4; below 3 a password falls in fewer than 10^8 guesses.
// Server only: the lists stay out of the browser, and the forms show the API's message.
const MIN_SCORE = 3;

/** Why a weak password is weak, from zxcvbn's warning keys; its own texts are keys, not words. */
const WARNINGS: Record<string, string> = {
  straightRow: "rows of keys are easy to guess",
  keyPattern: "short keyboard patterns are easy to guess",
  simpleRepeat: "repeated characters such as “aaa” are easy to guess",
  extendedRepeat: "repeated patterns such as “abcabc” are easy to guess",
  sequences: "sequences such as “abc” or “6543” are easy to guess",
  recentYears: "recent years are easy to guess",
  dates: "dates are easy to guess",
  topTen: "this is one of the most used passwords",
  topHundred: "this is one of the most used passwords",
  common: "this is a commonly used password",
  similarToCommon: "this is too close to a commonly used password",
  wordByItself: "a single word is easy to guess",
  namesByThemselves: "names are easy to guess",
  commonNames: "common names are easy to guess",
  userInputs: "it contains your email, your name or the service's name",
};

let estimator: ZxcvbnFactory | undefined;

/** The words a password must not lean on: each text whole, split at "@" and at any punctuation. */
function contextWords(texts: readonly string[]): string[] {
  const split = (pattern: RegExp) => texts.flatMap((text) => text.split(pattern));
  const words = ["fleetport", ...texts, ...split(/[@\s]+/), ...split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.map((word) => word.toLowerCase()).filter((word) => word.length >= 3))];
}

/**
 * Throws a validation error on `field` when `password` is too easy to guess. `context` holds what
 * the password is set for: email, account or user names.
 */
export function requireStrongPassword(field: string, password: string, context: readonly string[]): void {
  // Building the ranked dictionaries takes ~0.1 s, paid by the first password set.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const { score, feedback } = estimator.check(password, contextWords(context));
  if (score >= MIN_SCORE) return;
  const why = (feedback.warning && WARNINGS[feedback.warning]) || "it would be guessed quickly";
  const message = `Choose a harder password: ${why}. A few unrelated words make a strong one.`;
  throw validationError(message, [{ name: field, message }]);
}
