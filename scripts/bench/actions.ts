// npm run bench:actions [-- --engines sqlite,postgres --actions 1000 --rate 10000 --seconds 30]
// The action engine under ingest, on the production server with a fresh database per engine
// (SQLite always; PostgreSQL when BENCH_DATABASE_URL names a role that may create databases).
// --actions enabled metric actions each watch a series of their own ("max over a minute > 90 →
// alert"); batches of ingest (/tok/metric/set, BATCH_POINTS points of every series, values 20–80)
// are offered at --rate points a second for --seconds, while a probe every PROBE_MS sends a
// threshold-crossing point (1,000) to a series not probed before. Its latency is the alert's
// `created` minus the time the probe was sent: the ingest request, the engine and the alert's write.
// The same run is made twice on each engine: with ACTION_ENGINE=off (the baseline: the same
// actions exist, nothing evaluates them) and with the engine on; ingest throughput is the points
// stored a second, and the table gives on ÷ off.
import { parseArgs } from "node:util";
import { buildIfNeeded } from "../../lib/server/build";
import {
  machine,
  median,
  percentile,
  poster,
  printTable,
  resultRows,
  seedAccount,
  selectedEngines,
  startServer,
  stopServer,
  type BenchEngine,
  type Headers,
} from "./harness";

const PORT = 3930;
const BASE = `http://localhost:${PORT}`;
const BATCH_POINTS = 500;
const CLIENTS = 8;
const PROBE_MS = 100;
const DEVICES = 100;
const THRESHOLD = 90;
/** How long after the last probe its alert may still come. */
const SETTLE_MS = 10_000;

const { values } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    actions: { type: "string", default: "1000" },
    rate: { type: "string", default: "10000" },
    seconds: { type: "string", default: "30" },
  },
});
const actionCount = Number(values.actions);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
if (![actionCount, rate, seconds].every((n) => Number.isInteger(n) && n >= 1) || actionCount % DEVICES !== 0) {
  console.error(
    `usage: npm run bench:actions -- [--engines sqlite,postgres] [--actions N, a multiple of ${DEVICES}] ` +
      "[--rate points/s] [--seconds N]",
  );
  process.exit(2);
}

/** The watched series: DEVICES devices × metricsPerDevice metrics, one action each. */
const series = Array.from({ length: actionCount }, (_, n) => ({
  device: `BENCH${String(n % DEVICES).padStart(4, "0")}`,
  metric: `m${Math.floor(n / DEVICES)}`,
}));

interface PhaseResult {
  pointsPerSecond: number;
  latencies: number[];
  probes: number;
  failures: number;
}

type Post = ReturnType<typeof poster>;

async function createActions(post: Post, cloud: Headers): Promise<void> {
  const lanes = 8;
  for (let start = 0; start < series.length; start += lanes) {
    await Promise.all(
      series.slice(start, start + lanes).map(({ device, metric }) =>
        post(
          "/tok/action/create",
          {
            name: `${device} ${metric} high`,
            trigger: "metric",
            metric,
            dimensions: { Device: device },
            statistic: "max",
            period: 60,
            expression: `value > ${THRESHOLD}`,
            type: "alert",
            severity: "critical",
            message: "${metric} of ${device} is ${value}",
          },
          cloud,
        ),
      ),
    );
  }
}

/** One batch of ordinary values: BATCH_POINTS points spread over the series, all at `now`. */
function batchBody(offset: number, now: number): string {
  const points = Array.from({ length: BATCH_POINTS }, (_, k) => {
    const { device, metric } = series[(offset + k) % series.length]!;
    return { metric, value: 20 + ((offset + k * 7) % 60), dimensions: [{ Device: device }], timestamp: now };
  });
  return JSON.stringify({ points });
}

async function send(cloud: Headers, body: string): Promise<boolean> {
  const response = await fetch(`${BASE}/tok/metric/set`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...cloud },
    body,
  });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Ingest at `rate` for `seconds` from CLIENTS clients, with a crossing probe every PROBE_MS. */
async function phase(post: Post, cloud: Headers, probing: boolean): Promise<PhaseResult> {
  const started = performance.now();
  const end = started + seconds * 1000;
  const batchInterval = (BATCH_POINTS / rate) * 1000 * CLIENTS;
  let stored = 0;
  let failures = 0;
  let offset = 0;
  const client = async (lane: number) => {
    let due = started + (lane * batchInterval) / CLIENTS;
    while (performance.now() < end) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      due += batchInterval;
      offset += BATCH_POINTS;
      if (await send(cloud, batchBody(offset, Date.now()))) stored += BATCH_POINTS;
      else failures++;
    }
  };
  const probes: Array<{ device: string; metric: string; sent: number }> = [];
  // The baseline sends no probes: it has no alerts to wait for, and its ingest is the same.
  const prober = async () => {
    let n = 0;
    while (probing && performance.now() < end && n < series.length) {
      const { device, metric } = series[n++]!;
      const sent = Date.now();
      const body = JSON.stringify({ metric, value: 1000, dimensions: [{ Device: device }], timestamp: sent });
      if (await send(cloud, body)) probes.push({ device, metric, sent });
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, (_, lane) => client(lane)), prober()]);
  const pointsPerSecond = stored / ((performance.now() - started) / 1000);
  const latencies = await alertLatencies(post, cloud, probes);
  return { pointsPerSecond, latencies, probes: probes.length, failures };
}

/** Each probe's alert's `created` minus its send time, waiting up to SETTLE_MS for the last. */
async function alertLatencies(
  post: Post,
  cloud: Headers,
  probes: Array<{ device: string; metric: string; sent: number }>,
): Promise<number[]> {
  const created = new Map<string, number>();
  const deadline = Date.now() + SETTLE_MS;
  while (created.size < probes.length && Date.now() < deadline) {
    let next: string | null = null;
    do {
      const page = await post(`/tok/alert/find?limit=1000${next ? `&next=${next}` : ""}`, {}, cloud);
      for (const alert of page.data as Array<{ deviceId: string; context: { metric?: string }; created: string }>)
        created.set(`${alert.deviceId} ${alert.context.metric}`, Date.parse(alert.created));
      next = page.next as string | null;
    } while (next);
    if (created.size < probes.length) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return probes.flatMap(({ device, metric, sent }) => {
    const at = created.get(`${device} ${metric}`);
    return at === undefined ? [] : [at - sent];
  });
}

async function run(engine: BenchEngine, actionEngine: "on" | "off"): Promise<PhaseResult> {
  const database = await engine.database();
  const server = await startServer(PORT, database.url, { ACTION_ENGINE: actionEngine });
  try {
    const post = poster(BASE);
    const account = await seedAccount(BASE, [...new Set(series.map(({ device }) => device))]);
    await createActions(post, account.cloud);
    // Every series exists before the run: the first point of a series is not what is measured.
    for (let offset = 0; offset < series.length; offset += BATCH_POINTS)
      await send(account.cloud, batchBody(offset, Date.now()));
    return await phase(post, account.cloud, actionEngine === "on");
  } finally {
    await stopServer(server);
    await database.drop();
  }
}

buildIfNeeded(process.cwd(), console.log);
const engines = selectedEngines(values.engines);
const results: Array<{ off: PhaseResult; on: PhaseResult }> = [];
for (const engine of engines) {
  console.log(`${engine.name}: ${actionCount} actions, ${rate} points/s offered for ${seconds} s, engine off…`);
  const off = await run(engine, "off");
  console.log(`${engine.name}: engine on…`);
  const on = await run(engine, "on");
  results.push({ off, on });
}

const ms = (value: number) => `${Math.round(value)} ms`;
const { rows, row } = resultRows(results);
row("probes sent / alerts seen", ({ on }) => `${on.probes} / ${on.latencies.length}`);
row("point → alert, median", ({ on }) => (on.latencies.length ? ms(median(on.latencies)) : "–"));
row("point → alert, p99", ({ on }) => (on.latencies.length ? ms(percentile(on.latencies, 99)) : "–"), "≤ 1000 ms");
row("ingest, engine off (points/s)", ({ off }) => Math.round(off.pointsPerSecond).toLocaleString("en"));
row("ingest, engine on (points/s)", ({ on }) => Math.round(on.pointsPerSecond).toLocaleString("en"));
row("ingest on ÷ off", ({ off, on }) => `${Math.round((on.pointsPerSecond / off.pointsPerSecond) * 100)} %`, "≥ 80 %");
row("refused batches (off / on)", ({ off, on }) => `${off.failures} / ${on.failures}`);
console.log(`\nbench:actions on ${machine()}\n`);
printTable(engines, rows);
