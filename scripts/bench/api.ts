// npm run bench:api — requests/second under the same load (autocannon, 32 connections, same run)
// for the floor (POST /floor/bench/echo: a route handler of this build with the API's dynamic
// /<surface>/<controller>/<verb> shape that reads its body) and for device/get and device/find
// (50 devices) with a CloudAPI token, each as a ratio to the floor. Every call reads the database:
// nothing is cached between requests. Two last lines are diagnostics, not targets: the floor
// after two bare database round trips (`SELECT 1`, as many as a get makes), and the floor
// answering as many bytes as find does.
//
// The machine's speed drifts from second to second, so the three routes are measured in
// interleaved rounds after every route has been warmed up, and each round's ratio compares
// measurements taken seconds apart; the median round is reported. SQLite always runs; PostgreSQL
// runs too when BENCH_DATABASE_URL names a role that may create databases (a fresh database per
// run, dropped afterwards), with the server on this machine.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { buildIfNeeded } from "../../lib/server/build";

const PORT = 3917;
const BASE = `http://localhost:${PORT}`;
const ORIGIN = BASE;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Headers = Record<string, string>;
interface Route {
  name: string;
  options: autocannon.Options;
}
interface Engine {
  name: string;
  /** The least ratio to the floor for device/get and device/find (issue targets). */
  targets: { get: number; find: number };
  /** A fresh database for one run, and what removes it afterwards. */
  database: () => Promise<{ url: string; drop: () => Promise<void> }>;
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-"));
  // node itself (not npx) so that kill() reaches the server process.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "warn",
      APP_ORIGIN: BASE,
      BENCH_FLOOR: "true",
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
  const password = randomBytes(12).toString("base64url");
  await post("/api/account/create", { name: "Bench", email, password });
  const login = await post("/api/auth", { email, password }, { Origin: ORIGIN });
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
  const floorBody = JSON.stringify({ id: ids[7] });
  const findBytes = Buffer.byteLength(JSON.stringify(find));
  return [
    {
      name: "POST /floor/bench/echo (floor)",
      options: { url: `${BASE}/floor/bench/echo`, method: "POST", headers, body: floorBody },
    },
    {
      name: "POST /tok/device/get",
      options: { url: `${BASE}/tok/device/get`, method: "POST", headers, body: floorBody },
    },
    {
      name: "POST /tok/device/find (50 devices)",
      options: { url: `${BASE}/tok/device/find?limit=50`, method: "POST", headers, body: "{}" },
    },
    {
      // Not a target: what the two round trips of a get (its token, its device) cost alone.
      name: "floor + 2 bare database round trips",
      options: { url: `${BASE}/floor/bench/echo?selects=2`, method: "POST", headers, body: floorBody },
    },
    {
      // Not a target: what sending find's answer size costs the framework alone.
      name: `floor answering ${(findBytes / 1024).toFixed(0)} KiB (find's size)`,
      options: { url: `${BASE}/floor/bench/echo?bytes=${findBytes}`, method: "POST", headers, body: "{}" },
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
const pct = (ratio: number) => `${(ratio * 100).toFixed(0).padStart(3)} %`;

/** Rounds of floor, get, find on a fresh database; prints them and answers the median ratios. */
async function bench(engine: Engine): Promise<string[]> {
  const database = await engine.database();
  const server = await startServer(database.url);
  try {
    const routes = await seed();
    for (const route of routes) await measure(route, 2);
    const rounds: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const row: number[] = [];
      for (const route of routes) row.push(await measure(route, SECONDS));
      rounds.push(row);
    }
    const ratios = report(engine.name, routes, rounds);
    const verdict = (ratio: number, target: number, verb: string) =>
      `${verb} ${pct(ratio).trim()} (target ≥ ${target * 100} %: ${ratio >= target ? "met" : "NOT met"})`;
    return [
      `${engine.name}: ${verdict(ratios[1]!, engine.targets.get, "device/get")}, ` +
        verdict(ratios[2]!, engine.targets.find, "device/find"),
    ];
  } finally {
    server.kill();
    await new Promise((resolve) => server.once("exit", resolve));
    await database.drop();
  }
}

function report(label: string, routes: Route[], rounds: number[][]): number[] {
  console.log(`\n${label}`);
  const header = rounds.map((_, i) => `round ${i + 1}`.padStart(15)).join(" | ");
  console.log(`| route                               | ${header} | median ratio |`);
  console.log(
    `|-------------------------------------|${rounds.map(() => "-----------------").join("|")}|--------------|`,
  );
  return routes.map((route, r) => {
    const cells = rounds.map((row) => `${row[r]!.toFixed(0).padStart(6)} (${pct(row[r]! / row[0]!)})`);
    const ratio = median(rounds.map((row) => row[r]! / row[0]!));
    console.log(`| ${route.name.padEnd(35)} | ${cells.join(" | ")} | ${pct(ratio).padStart(12)} |`);
    return ratio;
  });
}

const sqlite: Engine = {
  name: "SQLite",
  targets: { get: 0.85, find: 0.6 },
  database: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-db-"));
    return { url: `file:${dir}/bench.db`, drop: async () => {} };
  },
};

/** A fresh database on the server BENCH_DATABASE_URL names, dropped after the run. */
function postgres(adminUrl: string): Engine {
  return {
    name: "PostgreSQL",
    targets: { get: 0.6, find: 0.4 },
    database: async () => {
      const name = `fleetport_bench_${randomBytes(4).toString("hex")}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(sql);
        await client.end();
      };
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
    },
  };
}

buildIfNeeded(process.cwd(), console.log);
console.log(
  `bench:api on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, 32 connections, ` +
    `${ROUNDS} rounds of ${SECONDS} s per route (req/s, and the ratio to that round's floor)`,
);
const engines = [sqlite, ...(process.env.BENCH_DATABASE_URL ? [postgres(process.env.BENCH_DATABASE_URL)] : [])];
if (!process.env.BENCH_DATABASE_URL) console.log("PostgreSQL skipped: set BENCH_DATABASE_URL to run it too.");
const verdicts: string[] = [];
for (const engine of engines) verdicts.push(...(await bench(engine)));
console.log(`\n${verdicts.join("\n")}`);
process.exit(0);
