// npm run bench:api — requests/second under the same load (autocannon, 32 connections, same run)
// for the framework floor (GET /livez: a trivial route handler of this build) and for
// device/get and device/find (50 devices) with a CloudAPI token, each as a ratio to the floor.
//
// The machine's speed drifts from second to second, so the three routes are measured in
// interleaved rounds after every route has been warmed up, and each round's ratio compares
// measurements taken seconds apart; the median round is reported. Two servers run one after
// the other: the default one, and one with the answer cache off (ANSWER_CACHE_MB=0, ADR 009),
// which shows what a read costs when the data changed since the last identical call.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIfNeeded } from "../../lib/server/build";

const PORT = 3917;
const BASE = `http://localhost:${PORT}`;
const ORIGIN = BASE;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET = 0.75;

type Headers = Record<string, string>;
interface Route {
  name: string;
  options: autocannon.Options;
}

async function startServer(extraEnv: Record<string, string>): Promise<ChildProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-"));
  // node itself (not npx) so that kill() reaches the server process.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${dataDir}/bench.db`,
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "warn",
      APP_ORIGIN: BASE,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("is running") && resolve());
    server.once("exit", () => reject(new Error("server exited")));
  });
  return server;
}

async function post(url: string, body: unknown, headers: Headers = {}) {
  const response = await fetch(`${BASE}${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An owner with 50 claimed devices and a CloudAPI token: the routes to measure. */
async function seed(): Promise<Route[]> {
  const email = `bench-${Date.now()}@example.test`;
  await post("/api/account/create", { name: "Bench", email, password: "bench password" });
  const login = await post("/api/auth", { email, password: "bench password" }, { Origin: ORIGIN });
  const user = { Authorization: login.data.token, Origin: ORIGIN };
  const productToken = (await post("/api/product/create", { name: "Bench product" }, user)).data.token;
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    const id = `BENCH${String(i).padStart(5, "0")}`;
    await post("/builder/device/register", { id }, { Authorization: `bearer ${productToken}` });
    await post("/api/device/claim", { id }, user);
    ids.push(id);
  }
  const cloud = (await post("/api/token/create", { name: "bench", role: "admin" }, user)).data.token;
  const headers = { Authorization: cloud, "Content-Type": "application/json" };
  const find = await post("/tok/device/find?limit=50", {}, headers);
  if (find.data.length !== 50) throw new Error(`device/find answered ${find.data.length} devices, not 50`);
  return [
    { name: "GET /livez (framework floor)", options: { url: `${BASE}/livez` } },
    {
      name: "POST /tok/device/get",
      options: { url: `${BASE}/tok/device/get`, method: "POST", headers, body: JSON.stringify({ id: ids[7] }) },
    },
    {
      name: "POST /tok/device/find (50 devices)",
      options: { url: `${BASE}/tok/device/find?limit=50`, method: "POST", headers, body: "{}" },
    },
  ];
}

async function measure(route: Route, seconds: number): Promise<number> {
  const result = await autocannon({ connections: 32, duration: seconds, ...route.options });
  if (result.non2xx || result.errors) {
    throw new Error(`${route.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return result.requests.average;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Rounds of floor, get, find; answers each route's req/s per round. */
async function bench(label: string, extraEnv: Record<string, string>): Promise<number[][]> {
  const server = await startServer(extraEnv);
  try {
    const routes = await seed();
    for (const route of routes) await measure(route, 2);
    const rounds: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const row: number[] = [];
      for (const route of routes) row.push(await measure(route, SECONDS));
      rounds.push(row);
    }
    report(label, routes, rounds);
    return rounds;
  } finally {
    server.kill();
  }
}

function report(label: string, routes: Route[], rounds: number[][]): void {
  console.log(`\n${label}`);
  const header = rounds.map((_, i) => `round ${i + 1}`.padStart(15)).join(" | ");
  console.log(`| route                              | ${header} | median ratio |`);
  console.log(
    `|------------------------------------|${rounds.map(() => "-----------------").join("|")}|--------------|`,
  );
  routes.forEach((route, r) => {
    const cells = rounds.map((row) => `${row[r]!.toFixed(0).padStart(6)} (${pct(row[r]! / row[0]!)})`);
    const ratio = median(rounds.map((row) => row[r]! / row[0]!));
    console.log(`| ${route.name.padEnd(34)} | ${cells.join(" | ")} | ${pct(ratio).padStart(12)} |`);
  });
}

const pct = (ratio: number) => `${(ratio * 100).toFixed(0).padStart(3)} %`;

buildIfNeeded(process.cwd(), console.log);
console.log(
  `bench:api on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, 32 connections, ` +
    `${ROUNDS} rounds of ${SECONDS} s per route (req/s, and the ratio to that round's floor)`,
);
const cached = await bench("Default (answer cache on: the data did not change between calls)", {});
await bench("Answer cache off (ANSWER_CACHE_MB=0: every call reads the database)", { ANSWER_CACHE_MB: "0" });

const ratioOf = (column: number) => median(cached.map((row) => row[column]! / row[0]!));
const verdict = (column: number) => (ratioOf(column) >= TARGET ? "met" : "NOT met");
console.log(
  `\nTarget ≥ ${TARGET * 100} % of the floor (default server, median round): ` +
    `device/get ${verdict(1)}, device/find ${verdict(2)}.`,
);
process.exit(0);
