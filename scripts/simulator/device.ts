import { EventEmitter } from "node:events";
import { cloudCa, provision, type Cloud, type Credentials, type Fetch } from "./cloud-api";
import { obey } from "./commands";
import { DeviceDatabase } from "./device-db";
import { reportOverHttp } from "./http-metrics";
import { ConnectError, DeviceLink } from "./link";
import { deviceItem, storeItem } from "./protocol";
import { readingsOf, type Readings } from "./readings";
import { register, type DeviceConfig } from "./register";
import { sayFor, type Say } from "./say";
import { Session, type SessionEnd } from "./session";

// One simulated Ioto agent, its whole life: register and wait for a claim; provision a
// certificate; connect and run a session (./session.ts) again and again (a lost connection or a
// reboot connects again, after a delay growing to a minute while no broker answers); and, when the
// cloud releases it, no longer knows it, or the broker refuses its certificate three times in a
// row, forget the certificate and register again, waiting for a new claim.

export interface DeviceOptions {
  /** <origin>/builder: register's base and the CA certificate's. */
  builder: string;
  product: string;
  intervalMs: number;
  /** Intervals between rounds of store/set. */
  storeEvery: number;
  /** °C every temperature reading is, instead of the demo signal's (--temperature). */
  temperature?: number;
  /** Once connected, first send the readings of this many past milliseconds (--backfill). */
  backfillMs?: number;
  /** Metrics over HTTP (/tok/metric/set) instead of MQTT, `batch` readings a request. */
  http?: { batch: number };
  fetch: Fetch;
  /** Where lines go (stdout and stderr by default). */
  print?: (line: string, level: "info" | "error") => void;
  /** Called once, when the cloud first answers register: the device can be claimed. */
  listed?: (id: string) => void;
}

export type Stage = "registering" | "provisioning" | "connecting" | "syncing" | "running" | "stopped";

const REFUSALS_BEFORE_FORGETTING = 3;
const MAX_RETRY_MS = 60_000;

export class SimulatedDevice extends EventEmitter<{ stage: [Stage] }> {
  stage: Stage = "registering";
  version = "1.0.0";
  readonly config: DeviceConfig;
  private readonly say: Say;
  private readonly readings: Readings;
  /** The past readings are sent once, on the first connection (or first HTTP round) only. */
  private backfillMs: number;
  private readonly stopper = new AbortController();
  private session?: Session;
  private ca?: string;

  constructor(
    readonly id: string,
    index: number,
    private readonly options: DeviceOptions,
  ) {
    super();
    this.say = sayFor(id, options.print);
    this.readings = readingsOf(id, { temperature: options.temperature });
    this.backfillMs = options.backfillMs ?? 0;
    this.config = {
      id,
      product: options.product,
      name: `Simulated device ${index + 1}`,
      description: "Fleetport simulator",
      model: "SIM-1",
      test: false,
    };
  }

  /** The agent's life, until it is stopped or gives up at first boot. */
  async run(): Promise<void> {
    for (let firstBoot = true; !this.stopped(); firstBoot = false) {
      this.enter("registering");
      const cloud = await register(this.config, {
        fetch: this.options.fetch,
        builder: this.options.builder,
        say: this.say,
        firstBoot,
        listed: firstBoot ? () => this.options.listed?.(this.id) : undefined,
        stopped: this.stopped,
        sleep: this.sleep,
      });
      if (!cloud) break;
      const why = this.options.http ? await this.reportOverHttp(cloud) : await this.provisioned(cloud);
      if (why) this.say(`${why}: forgetting the certificate and registering again`);
    }
    this.enter("stopped");
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    this.session?.finish({ kind: "reconnect", why: "stopped" });
    await this.reached("stopped");
  }

  /** Resolves when the device reaches `stage` (now or later). */
  reached(stage: Stage): Promise<void> {
    if (this.stage === stage) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (now: Stage) => now === stage && (this.off("stage", check), resolve());
      this.on("stage", check);
    });
  }

  private readonly stopped = () => this.stopper.signal.aborted;

  /** Sleeps `ms`, or less when the device is stopped meanwhile. */
  private readonly sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const signal = this.stopper.signal;
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });

  private takeBackfill(): number {
    const ms = this.backfillMs;
    this.backfillMs = 0;
    return ms;
  }

  private enter(stage: Stage): void {
    this.stage = stage;
    this.emit("stage", stage);
  }

  private reportOverHttp(cloud: Cloud) {
    return reportOverHttp(this.id, cloud, {
      fetch: this.options.fetch,
      readings: this.readings,
      backfillMs: this.takeBackfill(),
      intervalMs: this.options.intervalMs,
      batch: this.options.http!.batch,
      say: this.say,
      stopped: this.stopped,
      sleep: this.sleep,
    });
  }

  /** Provisions, then connects again and again; answers why the device must register again. */
  private async provisioned(cloud: Cloud): Promise<string | undefined> {
    this.enter("provisioning");
    let credentials: Credentials | undefined;
    for (let delay = 1000; !credentials; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
      if (this.stopped()) return undefined;
      const answer = await provision(this.options.fetch, cloud, this.id);
      if (answer.kind === "forget") return `device/provision answered "${answer.reason}"`;
      if (answer.kind === "ok") credentials = answer.value;
      else {
        this.say(answer.problem, "error");
        await this.sleep(delay);
      }
    }
    this.say(`provisioned: a certificate for mqtts://${credentials.endpoint}:${credentials.port}`);
    const accountId = credentials.accountId;
    const db = new DeviceDatabase();
    const now = Date.now();
    const at = new Date(now).toISOString();
    db.write(deviceItem({ ...this.config, accountId }, at), now);
    db.write(storeItem({ accountId, deviceId: this.id }, "firmware", this.version, at), now);

    for (let refusals = 0, delay = 1000; !this.stopped();) {
      this.enter("connecting");
      const link = await this.connect(credentials).catch((error: unknown) => error);
      if (!(link instanceof DeviceLink)) {
        const refused = link instanceof ConnectError && link.kind === "refused";
        const problem = `cannot connect to mqtts://${credentials.endpoint}:${credentials.port}: ${(link as Error).message}`;
        // The CA is fetched again before the next try: a cloud whose CA changed refuses nothing else.
        if (refused) this.ca = undefined;
        if (refused && ++refusals >= REFUSALS_BEFORE_FORGETTING) return `${problem} (${refusals} times)`;
        this.say(problem, "error");
        await this.sleep(delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        continue;
      }
      [refusals, delay] = [0, 1000];
      this.say(`connected to mqtts://${credentials.endpoint}:${credentials.port}`);
      const end = await this.connected(link, cloud, accountId, db);
      if (end.kind === "forget") return end.why;
      if (end.kind === "blocked") {
        this.say(`the cloud closed the connection for excessive I/O: connecting again after an hour`);
        await this.sleep(end.until - Date.now());
      } else if (!this.stopped()) this.say(`${end.why}: connecting again`);
    }
    return undefined;
  }

  /** The CA certificate (fetched once), then the connection. */
  private async connect(credentials: Credentials): Promise<DeviceLink> {
    this.ca ??= await cloudCa(this.options.fetch, this.options.builder);
    return DeviceLink.open(this.id, credentials, this.ca, (topic, payload) => this.session?.receive(topic, payload));
  }

  private async connected(link: DeviceLink, cloud: Cloud, accountId: string, db: DeviceDatabase): Promise<SessionEnd> {
    const session = new Session(
      {
        deviceId: this.id,
        accountId,
        intervalMs: this.options.intervalMs,
        storeEvery: this.options.storeEvery,
        readings: this.readings,
        backfillMs: this.takeBackfill(),
        say: this.say,
        stage: (stage) => this.enter(stage),
        command: (item, current) =>
          void obey(item, current, {
            deviceId: this.id,
            accountId,
            cloud,
            fetch: this.options.fetch,
            say: this.say,
            config: { ...this.config },
            version: this.version,
            install: (version) => (this.version = version),
          }),
      },
      link,
      db,
    );
    this.session = session;
    if (this.stopped()) session.finish({ kind: "reconnect", why: "stopped" });
    return session.run();
  }
}
