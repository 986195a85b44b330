import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// bench:mqtt --profile: where the server's CPU time goes during a phase. The server runs
// ./profiler.mjs; each phase is wrapped in two SIGUSR2 (start, stop), and its profile's samples
// are summed by what they ran: SQLite's statements, Prisma, TLS and sockets, the MQTT broker, the
// cloud's own code, garbage collection, idle.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Native functions that do the work of a layer the profile cannot name by file. */
const NATIVE: Record<string, string> = {
  run: "SQLite statements",
  get: "SQLite statements",
  all: "SQLite statements",
  iterate: "SQLite statements",
  Statement: "SQLite statements",
  writeBuffer: "TLS, sockets, streams",
  writeUtf8String: "TLS, sockets, streams",
  writeLatin1String: "TLS, sockets, streams",
  writev: "TLS, sockets, streams",
  getPeerX509Certificate: "TLS, sockets, streams",
  parseX509: "TLS, sockets, streams",
  verify: "TLS, sockets, streams",
  "(program)": "native code outside JavaScript (TLS handshakes' crypto, …)",
  "(garbage collector)": "garbage collection",
  "(idle)": "idle (waiting)",
};

function layerOf({ functionName, url }: ProfileNode["callFrame"]): string {
  if (!url) return NATIVE[functionName] ?? "other native";
  if (/better-sqlite3/.test(url)) return "SQLite statements";
  if (/@prisma|prisma/.test(url)) return "Prisma";
  if (/node_modules\/(aedes|mqtt-packet|aedes-[^/]+)\//.test(url)) return "MQTT broker (aedes, mqtt-packet)";
  if (/^node:(internal\/)?(net|tls|_tls|stream|crypto|internal\/streams|internal\/tls)/.test(url))
    return "TLS, sockets, streams";
  if (/node_modules\/zod/.test(url)) return "contracts (zod)";
  if (url.startsWith("node:")) return "Node internals (promises, async hooks, events)";
  if (/\/lib\/|\.next\//.test(url)) return "the cloud's code (broker, pipeline, services)";
  return "other";
}

export class ServerProfiler {
  readonly dir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-profile-"));
  private taken = 0;

  /** What the server's environment needs for the profiler to load. */
  env(): Record<string, string> {
    const profiler = fileURLToPath(new URL("./profiler.mjs", import.meta.url));
    const options = [process.env.NODE_OPTIONS, `--import ${profiler}`].filter(Boolean).join(" ");
    return { NODE_OPTIONS: options, BENCH_PROFILE_DIR: this.dir };
  }

  /** Profiles the server while `phase` runs; answers its result and the shares of the server's time by layer. */
  async during<T>(pid: number, phase: () => Promise<T>): Promise<{ result: T; shares: string }> {
    process.kill(pid, "SIGUSR2");
    const result = await phase();
    process.kill(pid, "SIGUSR2");
    const file = path.join(this.dir, `${++this.taken}.cpuprofile`);
    for (let waited = 0; !existsSync(file) && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, shares: sharesOf(JSON.parse(readFileSync(file, "utf8")) as CpuProfile) };
  }
}

/** The nodes of the profiler's own work (starting and stopping, in ./profiler.mjs): not the server's. */
function profilerNodes(profile: CpuProfile): Set<number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const own = new Set<number>();
  const mark = (id: number) => {
    own.add(id);
    for (const child of nodes.get(id)?.children ?? []) mark(child);
  };
  for (const node of profile.nodes) if (node.callFrame.url.endsWith("profiler.mjs")) mark(node.id);
  return own;
}

/** "SQLite statements 38 %, …", largest first, the layers of at least 2 % of the samples' time. */
function sharesOf(profile: CpuProfile): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const own = profilerNodes(profile);
  const byLayer = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (own.has(id)) return;
    const layer = layerOf(nodes.get(id)!.callFrame);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + profile.timeDeltas[i]!);
    total += profile.timeDeltas[i]!;
  });
  return [...byLayer]
    .sort((a, b) => b[1] - a[1])
    .filter(([, time]) => time / total >= 0.02)
    .map(([layer, time]) => `${layer} ${Math.round((time / total) * 100)} %`)
    .join(", ");
}
