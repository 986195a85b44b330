// What the benchmark writes without the server: ingest's own writer (lib/db/metrics/store.ts, a
// connection of its own with prepared statements) called directly, in a process of its own whose
// DATABASE_URL is the run's database (the data layer reads it once per process).
//   floor  ACCOUNT START COUNT ID,ID,…   the ingest floor: each device a client, COUNT batches each;
//                                        prints points per second
//   load   ACCOUNT START SIZE ID         one series of SIZE points over 30 days from START
//   partitions FROM TO                   PostgreSQL's day partitions of raw points for [FROM, TO]
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DeviceBatch } from "./ingest";

/**
 * Runs a command of this file on `databaseUrl`; answers what it printed. Asynchronous, so that the
 * benchmark's idle keep-alive sockets see the server close them meanwhile and are not reused dead.
 */
export async function inWriterProcess(databaseUrl: string, ...args: Array<string | number>): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...args.map(String)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "fleetport-bench-")),
      LOG_LEVEL: "silent",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${args[0]} in the writer process exited with ${code}`);
  return output.trim();
}

/** The floor's warm-up: prepared statements and compiled code, before anything is timed. */
const WARM_UP_BATCHES = 2;
/** Points per loader batch: one transaction each. */
const LOAD_BATCH = 100_000;

async function main(command: string | undefined, args: string[]) {
  const { storeBatch } = await import("../../../lib/db/metrics/store");
  const { disconnect } = await import("../../../lib/db/client");
  const { deviceBatches, pointsPerSecond } = await import("./ingest");
  try {
    if (command === "floor") {
      const [accountId, start, count, ids] = args as [string, string, string, string];
      const write = (_client: number, batch: DeviceBatch) =>
        storeBatch({ accountId, key: null, series: batch.series, points: batch.points }).then(() => {});
      const devices = ids.split(",");
      const warmUp = devices.map((id) => deviceBatches(`WARM${id}`, WARM_UP_BATCHES, Number(start)));
      await pointsPerSecond(warmUp, write);
      const batches = devices.map((id) => deviceBatches(id, Number(count), Number(start)));
      console.log(await pointsPerSecond(batches, write));
    } else if (command === "load") {
      const [accountId, start, size, deviceId] = args as [string, string, string, string];
      const { seriesBatches } = await import("./query");
      for (const batch of seriesBatches(deviceId, Number(size), Number(start), LOAD_BATCH))
        await storeBatch({ accountId, key: null, ...batch });
    } else if (command === "partitions") {
      const { ensurePointPartitions } = await import("../../../lib/db/metrics/retention");
      await ensurePointPartitions(Number(args[0]), Number(args[1]));
    } else throw new Error(`unknown command ${command}`);
  } finally {
    await disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv[2], process.argv.slice(3));
