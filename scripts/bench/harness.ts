// What the HTTP benchmarks share: a fresh database per run on each engine, the production server
// started on it, an owner with claimed devices and tokens, and the machine's description.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type Headers = Record<string, string>;

export interface BenchDatabase {
  url: string;
  drop: () => Promise<void>;
}

export interface BenchEngine {
  name: "SQLite" | "PostgreSQL";
  engine: "sqlite" | "postgres";
  /** A fresh database for one run, and what removes it afterwards. */
  database: () => Promise<BenchDatabase>;
}

const sqlite: BenchEngine = {
  name: "SQLite",
  engine: "sqlite",
  database: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-db-"));
    return { url: `file:${dir}/bench.db`, drop: async () => {} };
  },
};

/** A fresh database on the server `adminUrl` names (its role may create databases), dropped after the run. */
function postgres(adminUrl: string): BenchEngine {
  return {
    name: "PostgreSQL",
    engine: "postgres",
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
      // FORCE cannot end an autovacuum worker (it runs as the superuser) busy with a large load; a
      // plain DROP stops it, once the run's own connections have closed.
      const drop = () =>
        admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => admin(`DROP DATABASE IF EXISTS ${name}`));
      return { url: url.toString(), drop };
    },
  };
}

/** SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set (and the run says so when it is not). */
export function benchEngines(say: (line: string) => void = console.log): BenchEngine[] {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) say("PostgreSQL skipped: set BENCH_DATABASE_URL to run it too.");
  return [sqlite, ...(adminUrl ? [postgres(adminUrl)] : [])];
}

export const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;

/** The production server (`npm start`) on `databaseUrl`, a fresh DATA_DIR, rate limits off. */
export async function startServer(port: number, databaseUrl: string, extra: Headers = {}): Promise<ChildProcess> {
  const origin = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-"));
  // node itself (not npx) so that kill() reaches the server process.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      // The broker's port follows the HTTP one, so that side-by-side runs do not share it.
      MQTT_PORT: String(port + 10_000),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "warn",
      APP_ORIGIN: origin,
      ...extra,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("is running") && resolve());
    server.once("exit", () => reject(new Error("server exited")));
  });
  return server;
}

export async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill();
  await exited;
}

/** POSTs JSON to the server at `base`; anything but a 200 throws with the answer. */
export function poster(base: string) {
  return async (url: string, body: unknown, headers: Headers = {}) => {
    const response = await fetch(`${base}${url}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

export interface BenchAccount {
  accountId: string;
  email: string;
  password: string;
  /** A login token and its Origin, for /api. */
  user: Headers;
  productToken: string;
  /** A CloudAPI token (admin), for /tok. */
  cloud: Headers;
  /** The claimed devices, with the device token each was handed by register. */
  devices: Array<{ id: string; token: string }>;
}

/**
 * An owner (the first account of a fresh database) with `deviceIds` registered and claimed, each
 * registering once more to receive its device token, as the agent does.
 */
export async function seedAccount(base: string, deviceIds: string[]): Promise<BenchAccount> {
  const post = poster(base);
  const email = `bench-${Date.now()}@example.test`;
  const password = randomBytes(12).toString("base64url");
  await post("/api/account/create", { name: "Bench", email, password });
  const login = await post("/api/auth", { email, password }, { Origin: base });
  const user = { Authorization: login.data.token as string, Origin: base };
  const productToken = (await post("/api/product/create", { name: "Bench product" }, user)).data.token as string;
  const agent = { Authorization: `bearer ${productToken}` };
  const devices = [];
  for (const id of deviceIds) {
    await post("/builder/device/register", { id }, agent);
    await post("/api/device/claim", { id }, user);
    devices.push({ id, token: (await post("/builder/device/register", { id }, agent)).token as string });
  }
  const cloudToken = (await post("/api/token/create", { name: "bench", role: "admin" }, user)).data.token as string;
  const accountId = (await post("/api/account/get", {}, user)).data.id as string;
  return { accountId, email, password, user, productToken, cloud: { Authorization: cloudToken }, devices };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((values.length * p) / 100) - 1)]!;

/** The engines a `--engines sqlite,postgres` flag names, of those this machine offers. */
export function selectedEngines(flag: string): BenchEngine[] {
  const wanted = new Set(flag.split(",").map((name) => name.trim().toLowerCase()));
  return benchEngines((line) => wanted.has("postgres") && console.log(line)).filter(
    (engine) => wanted.has(engine.engine) || wanted.has(engine.name.toLowerCase()),
  );
}

/** Rows of a benchmark's table: a label, a cell per engine's result, and the target. */
export function resultRows<R>(results: R[]) {
  const rows: Array<[string, ...string[]]> = [];
  const row = (label: string, cell: (result: R) => string, target = "") =>
    rows.push([label, ...results.map(cell), target]);
  return { rows, row };
}

/** Prints the rows as a Markdown table with a column per engine. */
export function printTable(engines: BenchEngine[], rows: Array<[string, ...string[]]>): void {
  const header: [string, ...string[]] = ["", ...engines.map((engine) => engine.name), "target"];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((cells) => cells[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const cells of rows) console.log(line(cells));
}
