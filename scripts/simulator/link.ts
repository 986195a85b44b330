import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { Credentials } from "./cloud-api";
import { classify, serviceTopic } from "./protocol";
import { SendThrottle } from "./throttle";

// One MQTT connection of a device, as the agent opens it: TLS with the certificate from provision,
// verified against the cloud's CA for the endpoint's host name, ALPN x-amzn-mqtt-ca, MQTT 3.1.1,
// the device ID as client ID, a clean session, a keep-alive of 20 minutes, no automatic reconnect
// (the agent decides what a lost connection means). Everything is published at QoS 1.

const KEEPALIVE_S = 20 * 60;
const CONNECT_TIMEOUT_MS = 30_000;
/** How long the agent waits for the answer to a request (metric/get, store/get). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Codes of a broker that is not there at all, as opposed to one that refused the device. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ETIMEDOUT"]);

export class ConnectError extends Error {
  constructor(
    message: string,
    /** refused: TLS or CONNACK said no (a revoked or unknown certificate); unreachable: no broker answered. */
    readonly kind: "refused" | "unreachable",
  ) {
    super(message);
  }
}

/** The mqtt.js options the agent's connection corresponds to. */
export function linkOptions(deviceId: string, credentials: Credentials, ca: string): IClientOptions {
  return {
    protocol: "mqtts",
    host: credentials.endpoint,
    port: credentials.port,
    cert: credentials.certificate,
    key: credentials.key,
    ca,
    servername: credentials.endpoint,
    ALPNProtocols: ["x-amzn-mqtt-ca"],
    rejectUnauthorized: true,
    clientId: deviceId,
    clean: true,
    protocolVersion: 4,
    keepalive: KEEPALIVE_S,
    reconnectPeriod: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
  };
}

/** Connects; resolves at CONNACK, rejects with a ConnectError otherwise. */
export function connectClient(options: IClientOptions): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(options);
    const fail = (error: Error & { code?: string | number }) => {
      client.removeAllListeners();
      client.on("error", () => {});
      client.end(true);
      const code = typeof error.code === "string" ? error.code : "";
      reject(new ConnectError(error.message || code, UNREACHABLE.has(code) ? "unreachable" : "refused"));
    };
    client.once("connect", () => {
      client.removeListener("error", fail);
      client.removeListener("close", closed);
      resolve(client);
    });
    const closed = () => fail(new Error("the broker closed the connection before CONNACK"));
    client.once("error", fail);
    client.once("close", closed);
  });
}

type Listener = (topic: string, payload: Buffer) => void;

export class DeviceLink {
  private nextSeq = 99;
  private readonly waiting = new Map<string, (answer: string | undefined) => void>();
  readonly throttle = new SendThrottle();
  /** Resolves when the connection is gone, whoever closed it. */
  readonly closed: Promise<void>;

  private constructor(
    readonly deviceId: string,
    private readonly client: MqttClient,
    listener: Listener,
  ) {
    this.closed = new Promise((resolve) => client.once("close", () => resolve()));
    client.on("error", () => {});
    client.on("message", (topic, payload) => {
      const incoming = classify(deviceId, topic);
      const reply = incoming.kind === "reply" ? this.waiting.get(`${incoming.op}/${incoming.seq}`) : undefined;
      if (reply) reply(payload.toString());
      else listener(topic, payload);
    });
    void this.closed.then(() => {
      for (const answer of this.waiting.values()) answer(undefined);
    });
  }

  static async open(deviceId: string, credentials: Credentials, ca: string, listener: Listener): Promise<DeviceLink> {
    return new DeviceLink(deviceId, await connectClient(linkOptions(deviceId, credentials, ca)), listener);
  }

  get connected(): boolean {
    return this.client.connected;
  }

  async subscribe(filters: string[]): Promise<void> {
    await this.client.subscribeAsync(filters, { qos: 1 });
  }

  /** Publishes at QoS 1 after any throttle delay; resolves at the broker's PUBACK. */
  async publish(topic: string, payload: unknown): Promise<void> {
    const wait = this.throttle.beforePublish(Date.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.client.publishAsync(topic, typeof payload === "string" ? payload : JSON.stringify(payload), { qos: 1 });
  }

  /**
   * A request on ioto/service/<id>/<op>/<seq> (never through the ingest prefix, whose publishes
   * are one-way); answers the bare text of ioto/device/<id>/<op>/<seq>, or undefined on timeout.
   */
  async request(op: string, payload: unknown): Promise<string | undefined> {
    const seq = ++this.nextSeq;
    const answer = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => settle(undefined), REQUEST_TIMEOUT_MS);
      const settle = (text: string | undefined) => {
        clearTimeout(timer);
        this.waiting.delete(`${op}/${seq}`);
        resolve(text);
      };
      this.waiting.set(`${op}/${seq}`, settle);
    });
    await this.publish(serviceTopic(this.deviceId, `${op}/${seq}`), payload);
    return answer;
  }

  /** Closes the connection (a reboot, a release, a throttle that says close). */
  async end(): Promise<void> {
    await this.client.endAsync(true);
  }
}
