// The benchmark's devices: mqtt.js clients connected with the simulator's own connection code
// (mutual TLS, ALPN, MQTT 3.1.1, QoS 1), in a process of their own so that their CPU does not
// count against the server's (the machine has two cores: one for the server, one for the clients).
// The benchmark drives them over IPC, one command at a time:
//   connect    connects more devices, `concurrency` handshakes at a time
//   flood      each connected device publishes `messages` metric/set, `window` unacknowledged at most
//   steady     each device publishes one metric/set per `periodMs`, spread evenly, for `rounds` periods
//   disconnect closes every connection
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { MqttClient } from "mqtt";
import type { FleetDevice } from "./fleet";

export const LATENCY_METRIC = "latency";

export type Command =
  | { type: "connect"; devices: FleetDevice[]; ca: string; concurrency: number }
  | { type: "flood"; messages: number; window: number }
  | { type: "steady"; periodMs: number; rounds: number }
  | { type: "disconnect" };

export interface Connected {
  ms: number;
  connected: number;
  failed: number;
  firstError?: string;
  /** The client process's resident memory once connected. */
  rss: number;
}

export interface Flooded {
  /** From the first publish to the last PUBACK. */
  ms: number;
  sent: number;
}

export interface Steadied {
  /** The connected devices' IDs. */
  devices: string[];
  /** Per device, the epoch ms each round's publish went out. */
  published: number[][];
  /** Connections that closed while the load ran. */
  lost: number;
}

type Answer = Connected | Flooded | Steadied | { ms: number };

/** The client process, from the benchmark's side. */
export class ClientProcess {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ["--import", "tsx", "--max-old-space-size=4096"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  private ask<T extends Answer>(command: Command): Promise<T> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the client process exited with ${code}`));
      this.child.once("exit", exited);
      this.child.once("message", (answer) => {
        this.child.off("exit", exited);
        resolve(answer as T);
      });
      this.child.send(command);
    });
  }

  connect = (devices: FleetDevice[], ca: string, concurrency: number) =>
    this.ask<Connected>({ type: "connect", devices, ca, concurrency });
  flood = (messages: number, window: number) => this.ask<Flooded>({ type: "flood", messages, window });
  steady = (periodMs: number, rounds: number) => this.ask<Steadied>({ type: "steady", periodMs, rounds });
  disconnect = () => this.ask<{ ms: number }>({ type: "disconnect" });

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill();
    await exited;
  }
}

async function serve() {
  const { connectClient, linkOptions } = await import("../../simulator/link");
  const { ingestTopic, metricSet } = await import("../../simulator/protocol");
  const { reading } = await import("../../../lib/demo/signals");
  let clients: Array<{ id: string; client: MqttClient }> = [];
  let lost = 0;
  let ending = false;

  async function connect({ devices, ca, concurrency }: Extract<Command, { type: "connect" }>): Promise<Connected> {
    const started = performance.now();
    let next = 0;
    let failed = 0;
    let firstError: string | undefined;
    const connected: typeof clients = new Array(devices.length);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < devices.length; i = next++) {
          const device = devices[i]!;
          try {
            const client = await connectClient(linkOptions(device.id, device.credentials, ca));
            client.on("error", () => {});
            client.once("close", () => ending || lost++);
            connected[i] = { id: device.id, client };
          } catch (error) {
            failed++;
            firstError ??= (error as Error).message;
          }
        }
      }),
    );
    const ms = performance.now() - started;
    const added = connected.filter(Boolean);
    clients.push(...added);
    return { ms, connected: added.length, failed, firstError, rss: process.memoryUsage().rss };
  }

  async function flood({ messages, window }: Extract<Command, { type: "flood" }>): Promise<Flooded> {
    const started = performance.now();
    await Promise.all(
      clients.map(async ({ id, client }) => {
        const topic = ingestTopic(id, "metric/set");
        let sent = 0;
        const lane = async () => {
          while (sent < messages) {
            const value = reading(id, "temperature", Date.now() - sent++ * 1000);
            await client.publishAsync(topic, JSON.stringify(metricSet("temperature", value)), { qos: 1 });
          }
        };
        await Promise.all(Array.from({ length: window }, lane));
      }),
    );
    return { ms: performance.now() - started, sent: clients.length * messages };
  }

  /** One timer walks a schedule sorted by time: ten thousand timers would cost more than the publishes. */
  async function steady({ periodMs, rounds }: Extract<Command, { type: "steady" }>): Promise<Steadied> {
    const start = Date.now() + 100;
    const published = clients.map(() => [] as number[]);
    const total = clients.length * rounds;
    let done = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = Date.now();
        for (; done < total; done++) {
          const round = Math.floor(done / clients.length);
          const index = done % clients.length;
          if (start + round * periodMs + (index * periodMs) / clients.length > now) break;
          const { id, client } = clients[index]!;
          published[index]!.push(Date.now());
          // The value is the round: the benchmark sees a point stored when its series' last value reaches it.
          client.publish(ingestTopic(id, "metric/set"), JSON.stringify(metricSet(LATENCY_METRIC, round + 1)), {
            qos: 1,
          });
        }
        if (done < total) setTimeout(tick, 5);
        else resolve();
      };
      tick();
    });
    return { devices: clients.map(({ id }) => id), published, lost };
  }

  async function disconnect(): Promise<{ ms: number }> {
    const started = performance.now();
    ending = true;
    await Promise.all(clients.map(({ client }) => client.endAsync(true)));
    [clients, lost, ending] = [[], 0, false];
    return { ms: performance.now() - started };
  }

  process.on("message", (command: Command) => {
    const work =
      command.type === "connect"
        ? connect(command)
        : command.type === "flood"
          ? flood(command)
          : command.type === "steady"
            ? steady(command)
            : disconnect();
    void work.then((answer) => process.send!(answer));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve();
