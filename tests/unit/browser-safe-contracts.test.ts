import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The portal's pages import the contracts (lib/contracts) for their typed client: a contract that
// imports server code (a node: module, the environment, Prisma) breaks the production build of
// every page that uses it. Each contract's imports are followed here, as the bundler would.

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONTRACTS = path.join(ROOT, "lib/contracts");
const IMPORT = /^\s*(?:import|export)\s(?:[^;]*?from\s+)?"([^"]+)"/gm;
const PACKAGES_FOR_THE_BROWSER = ["zod", "json5"];

/** Every module a file reaches through relative and `@/` imports, and every package named on the way. */
function reach(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => match[1]!);
  seen.set(file, specifiers);
  for (const specifier of specifiers) {
    const local = specifier.startsWith(".")
      ? path.resolve(path.dirname(file), specifier)
      : specifier.startsWith("@/")
        ? path.join(ROOT, specifier.slice(2))
        : null;
    if (local) reach(`${local}.ts`, seen);
  }
  return seen;
}

describe("the contracts", () => {
  it("import only each other, pure helpers and browser packages", () => {
    const problems: string[] = [];
    for (const name of readdirSync(CONTRACTS).filter((file) => file.endsWith(".ts"))) {
      for (const [file, specifiers] of reach(path.join(CONTRACTS, name))) {
        for (const specifier of specifiers) {
          const isPackage = !specifier.startsWith(".") && !specifier.startsWith("@/");
          if (isPackage && !PACKAGES_FOR_THE_BROWSER.includes(specifier))
            problems.push(`${path.relative(ROOT, file)} imports ${specifier} (reached from lib/contracts/${name})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
