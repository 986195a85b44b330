// npm run bench:metrics [-- --engines sqlite,postgres --sizes 100000,1000000,10000000 --batches 25 --rounds 3]
// One table, a column per engine, on a fresh database each (SQLite always; PostgreSQL when
// BENCH_DATABASE_URL names a role that may create databases), with the production server:
// - Ingest: points/s through /tok/metric/set (batches of 1,000 points, 4 concurrent clients, each a
//   device with its device token; rate limits off), next to the floor: the same batches written by
//   ingest's own writer straight to the engine's driver with prepared statements, a transaction
//   per batch, the same concurrency. The two alternate in rounds, so a drift of the machine's speed
//   touches both; the medians and the median of the rounds' ratios are reported.
// - Query: metric/fetch of a 30-day chart of 500 buckets (median and p95 of 50 calls) of one
//   series holding each size of raw points over those 30 days, and the largest size's median over
//   the smallest's.
// - The page: navigation to the first chart drawn on an 8-widget dashboard, in Chromium.
import { parseArgs } from "node:util";
import { buildIfNeeded } from "../../lib/server/build";
import {
  machine,
  median,
  printTable,
  resultRows,
  seedAccount,
  selectedEngines,
  startServer,
  stopServer,
  type BenchAccount,
  type BenchEngine,
} from "./harness";
import { batchesStart, BATCH_POINTS, CLIENTS, deviceBatches, readingCostMs, throughApi } from "./metrics/ingest";
import { firstChartMs } from "./metrics/page";
import { BUCKETS, fetchTimes, RANGE_MS, type QueryTimes } from "./metrics/query";
import { inWriterProcess } from "./metrics/writer";

const PORT = 3918;
const WARM_UP_BATCHES = 5;
const BASE = `http://localhost:${PORT}`;

const { values } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    sizes: { type: "string", default: "100000,1000000,10000000" },
    batches: { type: "string", default: "50" },
    rounds: { type: "string", default: "3" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const batches = Number(values.batches);
const rounds = Number(values.rounds);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !(batches >= 1) || !(rounds >= 1)) {
  console.error(
    "usage: npm run bench:metrics -- [--engines sqlite,postgres] [--sizes N,N,…] [--batches N] [--rounds N]",
  );
  process.exit(2);
}

interface Result {
  ingest: { api: number; floor: number; ratio: number };
  queries: Map<number, QueryTimes>;
  page: string;
}

async function bench(engine: BenchEngine): Promise<Result> {
  const database = await engine.database();
  const server = await startServer(PORT, database.url);
  try {
    const devices = Array.from({ length: CLIENTS * (rounds + 1) }, (_, i) => `BENCHM${String(i).padStart(4, "0")}`);
    // Every day the run writes has its partition on PostgreSQL, as the worker keeps them ahead.
    if (engine.engine === "postgres")
      await inWriterProcess(database.url, "partitions", Date.now() - RANGE_MS - 86_400_000, Date.now() + 86_400_000);
    const account = await seedAccount(BASE, devices);
    const ingest = await ingestRounds(account.devices, account.accountId, database.url);

    const queries = new Map<number, QueryTimes>();
    const start = Date.now() - RANGE_MS + 3_600_000;
    for (const size of sizes) {
      const deviceId = `QUERY${size}`;
      const loading = performance.now();
      await inWriterProcess(database.url, "load", account.accountId, start, size, deviceId);
      console.log(`  loaded ${sizeName(size)} points in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
      queries.set(size, await fetchTimes(BASE, account.cloud, deviceId, size, start));
    }
    const page = await firstChartMs(BASE, account);
    return { ingest, queries, page };
  } finally {
    await stopServer(server);
    await database.drop();
  }
}

/** A warm-up of the server, then `rounds` of the API and the floor in turn, each on devices of its own. */
async function ingestRounds(devices: BenchAccount["devices"], accountId: string, databaseUrl: string) {
  const throughApiFor = (round: number, count: number, start: number) => {
    const clients = devices.slice(round * CLIENTS, (round + 1) * CLIENTS);
    return throughApi(
      BASE,
      clients.map((device) => device.token),
      clients.map((device) => deviceBatches(device.id, count, start)),
    );
  };
  // The server's first batches pay for compiling and preparing; the floor warms up in its process.
  await throughApiFor(0, WARM_UP_BATCHES, batchesStart(WARM_UP_BATCHES, Date.now()));
  const api: number[] = [];
  const floor: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const start = batchesStart(batches, Date.now());
    api.push(await throughApiFor(round, batches, start));
    const floorIds = devices.slice(round * CLIENTS, (round + 1) * CLIENTS).map((device) => `FLOOR${device.id}`);
    floor.push(Number(await inWriterProcess(databaseUrl, "floor", accountId, start, batches, floorIds.join(","))));
  }
  return { api: median(api), floor: median(floor), ratio: median(api.map((rate, i) => rate / floor[i]!)) };
}

const thousands = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sizeName = (size: number) => (size >= 1e6 ? `${size / 1e6} M` : size >= 1e3 ? `${size / 1e3} k` : String(size));

function table(engines: BenchEngine[], results: Result[]) {
  const { rows, row } = resultRows(results);
  row("ingest /tok/metric/set (points/s)", (r) => thousands(r.ingest.api), "≥ 100,000 on SQLite");
  row("ingest floor: its writer without HTTP (points/s)", (r) => thousands(r.ingest.floor), "");
  row("ingest ratio to the floor (median round)", (r) => `${(r.ingest.ratio * 100).toFixed(0)} %`, "≥ 50 %");
  for (const size of sizes) {
    row(
      `fetch ${sizeName(size)} points: median / p95`,
      (r) => `${ms(r.queries.get(size)!.medianMs)} / ${ms(r.queries.get(size)!.p95Ms)}`,
      size === Math.max(...sizes) && size >= 1e7 ? "median ≤ 20 ms" : "",
    );
  }
  if (sizes.length > 1) {
    const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
    row(
      `fetch ${sizeName(largest)} / ${sizeName(smallest)} median`,
      (r) => (r.queries.get(largest)!.medianMs / r.queries.get(smallest)!.medianMs).toFixed(2),
      "≤ 1.5",
    );
  }
  row("first chart, 8-widget dashboard (Chromium)", (r) => r.page, "≤ 1 s");
  printTable(engines, rows);
}

buildIfNeeded(process.cwd(), console.log);
const engines = selectedEngines(values.engines);
const results: Result[] = [];
for (const engine of engines) {
  console.log(`${engine.name}: measuring…`);
  results.push(await bench(engine));
}
console.log(
  `\nbench:metrics on ${machine()}. Ingest: batches of ${BATCH_POINTS} points, ${CLIENTS} clients, ${batches} ` +
    `batches each, median of ${rounds} rounds. Fetch: 30 days, ${BUCKETS} buckets asked ` +
    `(answered in ${[...new Set(results.flatMap((r) => [...r.queries.values()].map((q) => q.period)))].join(", ")} s ` +
    `periods), 50 calls after 5 warm-ups.\n`,
);
table(engines, results);
const perBatch = (rate: number) => `${((BATCH_POINTS / rate) * 1000).toFixed(2)} ms`;
console.log(
  `\nDiagnostic, not a target: reading one batch's body (JSON.parse and its contract, in process) takes ` +
    `${readingCostMs().toFixed(2)} ms; the floor writes a batch in ` +
    `${engines.map((engine, i) => `${perBatch(results[i]!.ingest.floor)} (${engine.name})`).join(", ")}, ` +
    `and the API's throughput comes to ${engines.map((engine, i) => `${perBatch(results[i]!.ingest.api)} (${engine.name})`).join(", ")} ` +
    `a batch. At 50 % of the floor a whole request would have to cost twice the floor's write.`,
);
process.exit(0);
