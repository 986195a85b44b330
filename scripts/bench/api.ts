// npm run bench:api — requests/second under the same load (autocannon, 32 connections, same run)
// for the framework floor (GET /livez: a trivial route handler of this build) and for
// device/get and device/find (50 devices) with a CloudAPI token, each as a ratio to the floor.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIfNeeded } from "../../lib/server/build";

const PORT = 3917;
const BASE = `http://localhost:${PORT}`;
const ORIGIN = BASE;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

buildIfNeeded(process.cwd(), console.log);
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
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("is running") && resolve());
  server.once("exit", () => reject(new Error("server exited")));
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

await post("/api/account/create", { name: "Bench", email: "bench@example.test", password: "bench password" });
const login = await post("/api/auth", { email: "bench@example.test", password: "bench password" }, { Origin: ORIGIN });
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

async function measure(title: string, options: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections: 32, duration: SECONDS, ...options });
  if (result.non2xx || result.errors) throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const headers = { Authorization: cloud, "Content-Type": "application/json" };
await measure("warm-up", { url: `${BASE}/tok/device/find`, method: "POST", headers, body: "{}", duration: 3 });
const floor = await measure("floor", { url: `${BASE}/livez` });
const get = await measure("device/get", {
  url: `${BASE}/tok/device/get`,
  method: "POST",
  headers,
  body: JSON.stringify({ id: ids[7] }),
});
const find = await measure("device/find", {
  url: `${BASE}/tok/device/find?limit=50`,
  method: "POST",
  headers,
  body: "{}",
});
server.kill();

const row = (name: string, rps: number) =>
  `| ${name.padEnd(34)} | ${rps.toFixed(0).padStart(8)} | ${((rps / floor) * 100).toFixed(0).padStart(5)} % |`;
console.log(
  `\nbench:api on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${SECONDS} s each, 32 connections`,
);
console.log("| route                              |    req/s | floor |");
console.log("|------------------------------------|----------|-------|");
console.log(row("GET /livez (framework floor)", floor));
console.log(row("POST /tok/device/get", get));
console.log(row("POST /tok/device/find (50 devices)", find));
const target = 0.75;
console.log(
  `\nTarget ≥ ${target * 100} % of the floor: device/get ${get / floor >= target ? "met" : "NOT met"}, device/find ${find / floor >= target ? "met" : "NOT met"}.`,
);
process.exit(0);
