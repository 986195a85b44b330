import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "next.config.mjs",
  "tailwind.config.ts",
  "package.json",
];
// Generated clients are rewritten by every install; their schema is what matters.
const SKIP = new Set(["generated", "node_modules"]);

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => !SKIP.has(name))
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/** `next build` when there is no build, or a source changed since the last one. */
export function buildIfNeeded(dir: string, log: (line: string) => void): void {
  const marker = path.join(dir, ".next", "BUILD_ID");
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((entry) => newestChange(path.join(dir, entry))));
  if (built && changed < built) return;
  log(
    built ? "Sources changed since the last build: building…" : "No production build yet: building (about a minute)…",
  );
  execFileSync(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], {
    cwd: dir,
    stdio: "inherit",
  });
}
