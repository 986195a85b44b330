// node --import tsx scripts/bench/metrics/partitions.ts FROM TO, with DATABASE_URL set: the day
// partitions of raw points for [FROM, TO] (epoch ms) on PostgreSQL, made by retention's own
// function. A process of its own, because the data layer reads DATABASE_URL once per process.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Runs this file for `databaseUrl`. */
export function ensurePartitions(databaseUrl: string, from: number, to: number): void {
  execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), `${from}`, `${to}`], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "fleetport-bench-")),
      LOG_LEVEL: "silent",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ensurePointPartitions } = await import("../../../lib/db/metrics/retention");
  const { disconnect } = await import("../../../lib/db/client");
  await ensurePointPartitions(Number(process.argv[2]), Number(process.argv[3]));
  await disconnect();
}
