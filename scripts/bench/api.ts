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
import autocannon from "autocannon";
import { buildIfNeeded } from "../../lib/server/build";
import {
  benchEngines,
  machine,
  median,
  poster,
  seedAccount,
  startServer,
  stopServer,
  type BenchEngine,
} from "./harness";

const PORT = 3917;
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Route {
  name: string;
  options: autocannon.Options;
}
/** The least ratio to the floor for device/get and device/find (issue targets). */
const TARGETS: Record<BenchEngine["name"], { get: number; find: number }> = {
  SQLite: { get: 0.85, find: 0.6 },
  PostgreSQL: { get: 0.6, find: 0.4 },
};

/** An owner with 50 claimed devices and a CloudAPI token: the routes to measure. */
async function seed(): Promise<Route[]> {
  const ids = Array.from({ length: 50 }, (_, i) => `BENCH${String(i).padStart(5, "0")}`);
  const account = await seedAccount(BASE, ids);
  const headers = { ...account.cloud, "Content-Type": "application/json" };
  const find = await poster(BASE)("/tok/device/find?limit=50", {}, headers);
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

const pct = (ratio: number) => `${(ratio * 100).toFixed(0).padStart(3)} %`;

/** Rounds of floor, get, find on a fresh database; prints them and answers the median ratios. */
async function bench(engine: BenchEngine): Promise<string[]> {
  const database = await engine.database();
  const server = await startServer(PORT, database.url, { BENCH_FLOOR: "true" });
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
      `${engine.name}: ${verdict(ratios[1]!, TARGETS[engine.name].get, "device/get")}, ` +
        verdict(ratios[2]!, TARGETS[engine.name].find, "device/find"),
    ];
  } finally {
    await stopServer(server);
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

buildIfNeeded(process.cwd(), console.log);
console.log(
  `bench:api on ${machine()}, 32 connections, ` +
    `${ROUNDS} rounds of ${SECONDS} s per route (req/s, and the ratio to that round's floor)`,
);
const verdicts: string[] = [];
for (const engine of benchEngines()) verdicts.push(...(await bench(engine)));
console.log(`\n${verdicts.join("\n")}`);
process.exit(0);
