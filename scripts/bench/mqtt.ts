// npm run bench:mqtt [-- --engines sqlite,postgres --devices 10000 --flood-devices 100 --messages 500
//                       --rounds 2 --profile]
// The broker on loopback, with the production server on a fresh database per engine (SQLite always;
// PostgreSQL when BENCH_DATABASE_URL names a role that may create databases), and the devices'
// mqtt.js clients in a process of their own (./mqtt/clients.ts). Every device is registered,
// claimed and provisioned through the API first. Then, in this order:
// - Connects: --devices devices connect, a quarter at a time, CONNECT_CONCURRENCY handshakes at a
//   time (mutual TLS, then CONNECT and CONNACK): handshakes per second, and the server's resident
//   memory per connection (the slope from the first quarter to the last).
// - Steady load: those devices each send one metric a minute for --rounds minutes, spread evenly
//   (an aggregate of devices/60 messages a second, in real time, not compressed); each device's
//   value is the round, and the time from publish to stored is when a poll of its series' newest
//   value (every POLL_MS) first sees it. Connections lost meanwhile are counted.
// - Messages: --flood-devices devices each publish --messages metric/set (QoS 1, up to WINDOW
//   unacknowledged each: the agent does not wait), counted into stored points (the database's raw
//   points, polled), beside the rate the broker acknowledged them and HTTP batch ingest
//   (/tok/metric/set, batches of 1,000 points) on the same server.
// Each process's CPU time is read from /proc; --profile also samples the server's CPU during the
// flood and the last quarter of connects and says which layers the time went to (./mqtt/profile.ts).
// The server and the clients each hold a socket per device: the limit of open files must allow it
// (Node raises its own soft limit to the hard one); the run says how to raise it when it does not.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "../../lib/server/build";
import {
  machine,
  percentile,
  printTable,
  resultRows,
  seedAccount,
  selectedEngines,
  startServer,
  stopServer,
  type BenchEngine,
} from "./harness";
import { batchesStart, BATCH_POINTS, CLIENTS, deviceBatches, throughApi } from "./metrics/ingest";
import { ClientProcess, LATENCY_METRIC } from "./mqtt/clients";
import { provisionFleet, type Fleet } from "./mqtt/fleet";
import { cpuSecondsOf, probeDatabase, rssOf, type DatabaseProbe } from "./mqtt/probe";
import { ServerProfiler } from "./mqtt/profile";

const PORT = 3920;
const MQTT_PORT = 8920;
const BASE = `http://localhost:${PORT}`;
const PROVISION_LANES = 8;
const CONNECT_CONCURRENCY = 64;
const WINDOW = 32;
const HTTP_BATCHES = 25;
const WARM_UP_BATCHES = 5;
const WARM_UP_MESSAGES = 20;
const POLL_MS = 50;
/** How long after its last publish a stored point may still be looked for. */
const SETTLE_MS = 30_000;
const MINUTE = 60_000;

const { values } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    devices: { type: "string", default: "10000" },
    "flood-devices": { type: "string", default: "100" },
    messages: { type: "string", default: "500" },
    rounds: { type: "string", default: "2" },
    profile: { type: "boolean", default: false },
  },
});
const devices = Number(values.devices);
const floodDevices = Number(values["flood-devices"]);
const messages = Number(values.messages);
const rounds = Number(values.rounds);
if (![devices, floodDevices, messages, rounds].every((n) => Number.isInteger(n) && n >= 1) || floodDevices > devices) {
  console.error(
    "usage: npm run bench:mqtt -- [--engines sqlite,postgres] [--devices N] [--flood-devices N ≤ devices] " +
      "[--messages N per flood device] [--rounds N minutes of steady load] [--profile]",
  );
  process.exit(2);
}
const openFiles = Number(/^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"))?.[1]);
if (openFiles < devices + 1024) {
  console.error(
    `bench:mqtt needs a socket per device in the server and in the client process: the limit of open files ` +
      `is ${openFiles}. Raise it in the shell that runs the benchmark (as root: ulimit -n ${devices + 2048}), ` +
      `or run fewer devices (--devices ${openFiles - 1024}).`,
  );
  process.exit(2);
}
const profiler = values.profile ? new ServerProfiler() : undefined;

/** Runs a phase, under the server's profiler with --profile; answers where the server's time went. */
async function phase<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; where?: string }> {
  if (!profiler) return { result: await run() };
  const { result, shares } = await profiler.during(pid, run);
  return { result, where: shares };
}

interface Result {
  provisionMs: number;
  httpPointsPerSecond: number;
  flood: {
    stored: number;
    acknowledged: number;
    storedCount: number;
    serverCpu: number;
    clientCpu: number;
    where?: string;
  };
  connect: {
    perSecond: number;
    connected: number;
    failed: number;
    firstError?: string;
    rssPerConnection: number;
    clientRssPerConnection: number;
    serverCpu: number;
    clientCpu: number;
    where?: string;
  };
  steady: { lost: number; p50: number; p99: number; max: number; unseen: number; samples: number; serverCpu: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bench(engine: BenchEngine): Promise<Result> {
  const database = await engine.database();
  const server = await startServer(PORT, database.url, {
    MQTT_PORT: String(MQTT_PORT),
    REGISTER_RATE_PER_MINUTE: "0",
    REGISTER_ADDRESS_RATE_PER_MINUTE: "0",
    // The flood is over any sane per-device rate on purpose: it measures the path, not the throttle.
    MQTT_DEVICE_MESSAGES_PER_SECOND: "0",
    ...profiler?.env(),
  });
  const pid = server.pid!;
  const probe = probeDatabase(database.url);
  const clients = new ClientProcess();
  try {
    const account = await seedAccount(BASE, []);
    const provisioning = performance.now();
    const fleet = await provisionFleet(BASE, account, devices, PROVISION_LANES);
    const provisionMs = performance.now() - provisioning;
    console.log(`  ${devices} devices provisioned in ${(provisionMs / 1000).toFixed(1)} s`);
    // The fleet first, on a server that has done nothing else yet: its memory is the connections'.
    const connect = await connectRate(clients, fleet, pid);
    console.log(`  ${connect.connected} devices connected, ${Math.round(connect.perSecond)} handshakes/s`);
    const steady = await steadyLoad(clients, fleet, probe, pid);
    await clients.disconnect();
    const flood = await messageRate(clients, fleet, probe, pid);
    console.log(`  metric/set: ${Math.round(flood.stored)} stored messages/s`);
    const httpPointsPerSecond = await httpIngest(fleet);
    return { provisionMs, httpPointsPerSecond, flood, connect, steady };
  } finally {
    await clients.stop();
    await probe.close();
    await stopServer(server);
    await database.drop();
  }
}

/** HTTP batch ingest on the same server: CLIENTS devices posting batches of BATCH_POINTS, after a warm-up. */
async function httpIngest(fleet: Fleet): Promise<number> {
  const clients = fleet.devices.slice(0, CLIENTS);
  const run = (count: number) => {
    const start = batchesStart(count, Date.now());
    return throughApi(
      BASE,
      clients.map((device) => device.token),
      clients.map((device) => deviceBatches(device.id, count, start)),
    );
  };
  await run(WARM_UP_BATCHES);
  return run(HTTP_BATCHES);
}

/** Polls the stored points until `target` or no progress for SETTLE_MS; answers when the last arrived and how many. */
async function storedBy(probe: DatabaseProbe, target: number): Promise<{ at: number; count: number }> {
  let last = { at: performance.now(), count: await probe.points() };
  while (last.count < target && performance.now() - last.at < SETTLE_MS) {
    await sleep(POLL_MS);
    const count = await probe.points();
    if (count > last.count) last = { at: performance.now(), count };
  }
  return last;
}

async function messageRate(clients: ClientProcess, fleet: Fleet, probe: DatabaseProbe, pid: number) {
  const connected = await clients.connect(fleet.devices.slice(0, floodDevices), fleet.ca, CONNECT_CONCURRENCY);
  if (connected.failed) throw new Error(`${connected.failed} flood devices could not connect: ${connected.firstError}`);
  // The warm-up: the server's first messages pay for compiling and preparing.
  const warm = (await probe.points()) + floodDevices * WARM_UP_MESSAGES;
  await clients.flood(WARM_UP_MESSAGES, WINDOW);
  await storedBy(probe, warm);

  const before = await probe.points();
  const total = floodDevices * messages;
  const cpu = cpuSecondsOf(pid);
  const clientCpu = cpuSecondsOf(clients.pid);
  const started = performance.now();
  const { result, where } = await phase(pid, () =>
    Promise.all([clients.flood(messages, WINDOW), storedBy(probe, before + total)]),
  );
  const [flooded, stored] = result;
  const seconds = (stored.at - started) / 1000;
  const serverCpu = (cpuSecondsOf(pid) - cpu) / seconds;
  await clients.disconnect();
  return {
    stored: (stored.count - before) / seconds,
    acknowledged: flooded.sent / (flooded.ms / 1000),
    storedCount: stored.count - before,
    serverCpu,
    clientCpu: (cpuSecondsOf(clients.pid) - clientCpu) / seconds,
    where,
  };
}

/**
 * Connects the fleet a quarter at a time: handshakes per second over the four, and the server's
 * resident memory after each. Memory per connection is the slope from the first quarter to the
 * last, so that what the server allocates once (code paths, caches) does not count.
 */
async function connectRate(clients: ClientProcess, fleet: Fleet, pid: number) {
  let [ms, connected, failed, serverCpu, clientCpu] = [0, 0, 0, 0, 0];
  let firstError: string | undefined;
  let where: string | undefined;
  let clientRss = 0;
  const samples: Array<{ connected: number; rss: number }> = [];
  for (let quarter = 0; quarter < 4; quarter++) {
    const part = fleet.devices.slice((quarter * devices) / 4, ((quarter + 1) * devices) / 4);
    const [server, client] = [cpuSecondsOf(pid), cpuSecondsOf(clients.pid)];
    // The last quarter is profiled: the server then holds three quarters of the fleet already.
    const connecting = () => clients.connect(part, fleet.ca, CONNECT_CONCURRENCY);
    const { result: answer, where: shares } =
      quarter === 3 ? await phase(pid, connecting) : { result: await connecting() };
    where ??= shares;
    serverCpu += cpuSecondsOf(pid) - server;
    clientCpu += cpuSecondsOf(clients.pid) - client;
    ms += answer.ms;
    connected += answer.connected;
    failed += answer.failed;
    firstError ??= answer.firstError;
    clientRss = answer.rss;
    // Connection events (the devices' online state) settle before memory is read.
    await sleep(3000);
    samples.push({ connected, rss: rssOf(pid) });
  }
  const [first, last] = [samples[0]!, samples.at(-1)!];
  return {
    perSecond: connected / (ms / 1000),
    connected,
    failed,
    firstError,
    rssPerConnection: (last.rss - first.rss) / (last.connected - first.connected),
    clientRssPerConnection: clientRss / connected,
    serverCpu: serverCpu / (ms / 1000),
    clientCpu: clientCpu / (ms / 1000),
    where,
  };
}

/** Every device one message a minute for `rounds` minutes; the time from each publish to its point seen stored. */
async function steadyLoad(clients: ClientProcess, fleet: Fleet, probe: DatabaseProbe, pid: number) {
  const seen = new Map<string, number[]>();
  let polling = true;
  const poll = async () => {
    while (polling) {
      const at = Date.now();
      for (const { deviceId, last } of await probe.newest(LATENCY_METRIC, at - 10_000)) {
        const times = seen.get(deviceId) ?? [];
        while (times.length < last) times.push(at);
        seen.set(deviceId, times);
      }
      await sleep(Math.max(0, POLL_MS - (Date.now() - at)));
    }
  };
  const polled = poll();
  const cpu = cpuSecondsOf(pid);
  const started = performance.now();
  const steadied = await clients.steady(MINUTE, rounds);
  const serverCpu = (cpuSecondsOf(pid) - cpu) / ((performance.now() - started) / 1000);
  const expected = steadied.devices.length * rounds;
  const settled = Date.now() + SETTLE_MS;
  const count = () => [...seen.values()].reduce((sum, times) => sum + times.length, 0);
  while (count() < expected && Date.now() < settled) await sleep(POLL_MS);
  polling = false;
  await polled;

  const latencies: number[] = [];
  steadied.devices.forEach((id, index) => {
    const stored = seen.get(id) ?? [];
    steadied.published[index]!.forEach((at, round) => {
      if (stored[round] !== undefined) latencies.push(stored[round]! - at);
    });
  });
  const unseen = expected - latencies.length;
  // A point never seen counts as slower than any seen.
  const all = [...latencies, ...Array<number>(unseen).fill(Number.POSITIVE_INFINITY)];
  return {
    lost: steadied.lost,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: Math.max(...all),
    unseen,
    samples: expected,
    serverCpu,
  };
}

const thousands = (value: number) => Math.round(value).toLocaleString("en-US");
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : `> ${SETTLE_MS / 1000} s`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const cores = (share: number) => `${(share * 100).toFixed(0)} %`;

function table(engines: BenchEngine[], results: Result[]) {
  const { rows, row } = resultRows(results);
  row(
    `metric/set over MQTT, ${floodDevices} devices: stored (messages/s)`,
    (r) => thousands(r.flood.stored),
    "≥ 20,000",
  );
  row("  acknowledged by the broker (PUBACK, messages/s)", (r) => thousands(r.flood.acknowledged));
  row(
    "  CPU while storing, % of one core: server / clients",
    (r) => `${cores(r.flood.serverCpu)} / ${cores(r.flood.clientCpu)}`,
  );
  row(`HTTP /tok/metric/set, batches of ${BATCH_POINTS} (points/s)`, (r) => thousands(r.httpPointsPerSecond));
  row(`mutual-TLS connects, ${CONNECT_CONCURRENCY} at a time (CONNACKs/s)`, (r) => thousands(r.connect.perSecond));
  row(
    "  CPU while connecting, % of one core: server / clients",
    (r) => `${cores(r.connect.serverCpu)} / ${cores(r.connect.clientCpu)}`,
  );
  row("devices connected at once", (r) => `${thousands(r.connect.connected)} of ${thousands(devices)}`, "10,000");
  row("  connections lost under the steady load", (r) => thousands(r.steady.lost), "0");
  row("server memory per connection (RSS)", (r) => kib(r.connect.rssPerConnection));
  row(
    `publish → stored, one a minute each: p50 / p99`,
    (r) => `${seconds(r.steady.p50)} / ${seconds(r.steady.p99)}`,
    "p99 < 2 s",
  );
  row(
    "  slowest; points never seen stored",
    (r) => `${seconds(r.steady.max)}; ${thousands(r.steady.unseen)} of ${thousands(r.steady.samples)}`,
  );
  row("  server CPU under the steady load, % of one core", (r) => cores(r.steady.serverCpu));
  printTable(engines, rows);
}

buildIfNeeded(process.cwd(), console.log);
const engines = selectedEngines(values.engines);
const results: Result[] = [];
const loadBefore = loadavg()[0]!;
for (const engine of engines) {
  console.log(`${engine.name}: measuring…`);
  results.push(await bench(engine));
}
console.log(
  `\nbench:mqtt on ${machine()}, loopback, the clients in a process of their own. Messages: ${floodDevices} ` +
    `devices × ${messages} metric/set at QoS 1, ${WINDOW} unacknowledged each at most, after ${WARM_UP_MESSAGES} ` +
    `each to warm up. HTTP: ${CLIENTS} devices × ${HTTP_BATCHES} batches. Steady load: ${thousands(devices)} devices, ` +
    `one metric/set a minute each (${(devices / 60).toFixed(0)} messages/s), ${rounds} minute(s); stored points ` +
    `polled every ${POLL_MS} ms. CPU is each process's user and system time over the phase's wall time. ` +
    `The machine's load average (1 min) was ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.\n`,
);
table(engines, results);
console.log(
  `\nDiagnostic, not a target: ${engines
    .map(
      (engine, i) =>
        `${engine.name}: ${thousands(devices)} devices provisioned through the API in ` +
        `${(results[i]!.provisionMs / 1000).toFixed(1)} s; client memory ${kib(results[i]!.connect.clientRssPerConnection)} ` +
        `per connection${results[i]!.connect.failed ? `; ${results[i]!.connect.failed} connects failed: ${results[i]!.connect.firstError}` : ""}`,
    )
    .join(". ")}.`,
);
if (profiler)
  engines.forEach((engine, i) =>
    console.log(
      `\nWhere the server's CPU time went (${engine.name}, --profile, self time by layer):\n` +
        `  storing metric/set: ${results[i]!.flood.where}\n` +
        `  connecting the last quarter of the fleet: ${results[i]!.connect.where}`,
    ),
  );
process.exit(0);
