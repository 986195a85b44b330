// npm test: every suite in order, then one plain line totalling them (CI reads that line).
// unit + API (SQLite; PostgreSQL when TEST_POSTGRES_URL is set), then end-to-end against a
// production build.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const reports = path.resolve(".test-data-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function addVitest(file: string): void {
  if (!existsSync(file)) return void totals.failed++;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

const vitestReport = path.join(reports, "vitest.json");
const postgres = process.env.TEST_POSTGRES_URL;
if (!postgres) console.log("PostgreSQL API suite skipped: TEST_POSTGRES_URL is not set (.ci/run sets it).");
const vitestStatus = run("unit, component and API tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
addVitest(vitestReport);
if (vitestStatus !== 0 && totals.failed === 0) totals.failed++;

/** Debian's Chromium drives the browser tests: installed here when root, else named. */
function ensureChromium(): boolean {
  const binary = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(binary)) return true;
  const command = "apt-get update && apt-get install -y chromium";
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing for the end-to-end tests. Install Debian's package: sudo sh -c '${command}'`);
    return false;
  }
  console.log(`Chromium is missing: ${command}`);
  return run("install Chromium", "sh", ["-c", `DEBIAN_FRONTEND=noninteractive ${command}`]) === 0 && existsSync(binary);
}

if (existsSync("playwright.config.ts") && !ensureChromium()) totals.failed++;
else if (existsSync("playwright.config.ts")) {
  const e2eReport = path.join(reports, "playwright.json");
  const e2eStatus = run("end-to-end tests (production build)", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  if (existsSync(e2eReport)) {
    const stats = (
      JSON.parse(readFileSync(e2eReport, "utf8")) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      }
    ).stats;
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  }
  if (e2eStatus !== 0 && totals.failed === 0) totals.failed++;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
