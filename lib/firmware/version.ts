// Firmware versions (decision 016): one to four dot-separated whole numbers, optionally followed by
// a pre-release part (`-beta.2`) and build metadata (`+g1a2b`), as semantic versioning writes them.
// They compare as semantic versioning orders them: the numbers one by one as numbers (a missing
// one is 0, so 1.2 = 1.2.0 and 1.10 > 1.9), then a version with a pre-release part comes before
// the same without one, pre-release parts compare identifier by identifier (numbers as numbers and
// below words, words in ASCII order, fewer identifiers first), and build metadata is ignored.

export const VERSION_PATTERN =
  /^(\d{1,9}(?:\.\d{1,9}){0,3})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

interface Parsed {
  numbers: number[];
  pre: string[];
}

function parse(version: string): Parsed | null {
  const match = VERSION_PATTERN.exec(version.trim());
  if (!match) return null;
  return { numbers: match[1]!.split(".").map(Number), pre: match[2] ? match[2].split(".") : [] };
}

const NUMERIC = /^\d+$/;

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareParsed(a: Parsed, b: Parsed): number {
  for (let i = 0; i < Math.max(a.numbers.length, b.numbers.length); i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length);
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const order = compareIdentifiers(a.pre[i]!, b.pre[i]!);
    if (order !== 0) return order;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

export const isVersion = (text: string) => parse(text) !== null;

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`; null when either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const pa = parse(a);
  const pb = parse(b);
  return pa && pb ? compareParsed(pa, pb) : null;
}

/** The newest of `candidates` newer than `current`, or null (also when `current` is not a version). */
export function newestAbove<T extends { version: string }>(current: string, candidates: readonly T[]): T | null {
  const base = parse(current);
  if (!base) return null;
  let best: { item: T; parsed: Parsed } | null = null;
  for (const item of candidates) {
    const parsed = parse(item.version);
    if (!parsed || compareParsed(parsed, base) <= 0) continue;
    if (!best || compareParsed(parsed, best.parsed) > 0) best = { item, parsed };
  }
  return best?.item ?? null;
}
