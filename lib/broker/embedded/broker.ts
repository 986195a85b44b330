import { Aedes, type AuthenticateError, type Client } from "aedes";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createServer, type Server, type TLSSocket } from "node:tls";
import { log } from "../../log";
import { deviceTopic, type DeviceBroker, type DeviceEvents, type DeviceIdentity } from "../seam";
import { DeliveryQueue } from "./delivery-queue";
import { DeviceStream } from "./device-stream";
import { MAX_DEVICE_PACKET } from "./packet-framing";
import { ADDRESS_REFUSALS, CERTIFICATE_REFUSALS, MessageRate, RefusalThrottle } from "./throttles";
import { deviceTopicPrefix, maySubscribe, operationOf } from "./topics";

// The embedded broker (decision 015): MQTT 3.1.1 over mutual TLS, one implementation of the broker
// seam. aedes speaks MQTT; this file decides who may connect, what a device may read and write,
// and how messages reach a device.

export interface Credentials {
  caPem: string;
  certificatePem: string;
  keyPem: string;
}

export interface EmbeddedBrokerOptions {
  /** 0 takes any free port (tests). */
  port: number;
  /**
   * The CA that issues device certificates, and the broker's own certificate and key: read at
   * start and every hour after, so a renewed server certificate is served without a restart.
   */
  credentials(): Promise<Credentials>;
  /** The device a client certificate (DER) names while it is in good standing, else null. */
  standing(certificate: Buffer): Promise<DeviceIdentity | null>;
  /** Where device events go; given the broker so replies can be sent through it. */
  events(broker: DeviceBroker): DeviceEvents;
  /** Publishes per second a device may send; 0: no limit. */
  messagesPerSecond: number;
}

/** Packets from devices are accepted up to this (the protocol asks for at least 128 KiB). */
export const MAX_INCOMING_PACKET = 256 * 1024;
/** Devices offer AWS IoT's protocol name; `mqtt` is the registered one. */
const ALPN = ["x-amzn-mqtt-ca", "mqtt"];
const CREDENTIALS_CHECK_MS = 3_600_000;
/** Requests a device may have waiting for a handler before further publishes count as excess. */
const MAX_PENDING_PUBLISHES = 1000;
/** Their payloads' bytes at most: 1000 publishes of 256 KiB would hold 256 MiB per device. */
export const MAX_PENDING_PUBLISH_BYTES = 4 * 1024 * 1024;

/** A TLS connection whose certificate named a device in good standing. */
interface Session {
  identity: DeviceIdentity;
  address: string;
}

/** A device's connection once its CONNECT was accepted. */
interface DeviceConnection extends Session {
  client: Client;
  queue: DeliveryQueue;
  rate: MessageRate;
  /** The device's publishes are handled one after another, in the order they came. */
  work: Promise<void>;
  pendingPublishes: number;
  pendingBytes: number;
}

const NOT_AUTHORIZED = 5;
const IDENTIFIER_REJECTED = 2;

function refusal(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode });
}

/** Bytes of a QoS 1 PUBLISH: fixed header, remaining length, topic, packet ID, payload. */
export function publishPacketSize(topic: string, payload: Buffer): number {
  const remaining = 2 + Buffer.byteLength(topic) + 2 + payload.length;
  const lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
  return 1 + lengthBytes + remaining;
}

const secureContextOptions = (credentials: Credentials) => ({
  ca: [credentials.caPem],
  cert: credentials.certificatePem,
  key: credentials.keyPem,
});

export class EmbeddedBroker implements DeviceBroker {
  private readonly aedes: Aedes;
  private readonly server: Server;
  private readonly events: DeviceEvents;
  private readonly sessions = new WeakMap<Duplex, Session>();
  private readonly connections = new WeakMap<Client, DeviceConnection>();
  /** Each device's live connection: the newest one it made. */
  private readonly current = new Map<string, DeviceConnection>();
  /** Connect and disconnect events of one device, one after another. */
  private readonly stateChanges = new Map<string, Promise<void>>();
  private readonly addressRefusals = new RefusalThrottle(ADDRESS_REFUSALS);
  private readonly certificateRefusals = new RefusalThrottle(CERTIFICATE_REFUSALS);

  private readonly credentialsTimer: NodeJS.Timeout;

  private constructor(
    private readonly options: EmbeddedBrokerOptions,
    credentials: Credentials,
  ) {
    this.events = options.events(this);
    this.aedes = new Aedes({
      // Every session is clean and a will is not part of the protocol: nothing outlives a connection.
      preConnect: (_client, packet, done) => {
        packet.clean = true;
        delete packet.will;
        done(null, true);
      },
      authenticate: (client, _username, _password, done) => this.authenticate(client, done),
      authorizeSubscribe: (client, subscription, done) => {
        const session = this.sessions.get(client.conn);
        if (!session || !maySubscribe(session.identity, subscription.topic)) {
          log.warn("mqtt subscription refused", { deviceId: client.id, topic: subscription.topic });
          done(null, null);
          return;
        }
        // Granted at QoS 1 whatever was asked: a device never gets QoS 0 from the cloud.
        done(null, { ...subscription, qos: 1 });
      },
      authorizePublish: (client, packet, done) => {
        const connection = client ? this.connections.get(client) : undefined;
        const op = connection ? operationOf(connection.identity.deviceId, packet.topic) : null;
        if (!connection || op === null) {
          log.warn("mqtt publish refused", { deviceId: client?.id, topic: packet.topic });
          done(new Error("Not authorized to publish on this topic"));
          return;
        }
        packet.retain = false;
        this.received(connection, op, packet.payload as Buffer);
        done(null);
      },
      // Only the messages this broker sends to a device reach it: a packet a client published carries
      // its clientId, and is never forwarded, whatever anyone subscribed to.
      authorizeForward: (client, packet) =>
        !(packet as { clientId?: string }).clientId &&
        packet.qos === 1 &&
        packet.topic.startsWith(deviceTopicPrefix(client.id))
          ? packet
          : null,
    });
    this.aedes.on("clientReady", (client) => this.connected(client));
    this.aedes.on("clientDisconnect", (client) => this.disconnected(client));
    this.aedes.on("ack", (_packet, client) => this.connections.get(client)?.queue.acknowledged());
    this.aedes.on("clientError", (client, error) =>
      log.debug("mqtt client error", { deviceId: client.id, error: error.message }),
    );

    this.server = createServer({
      ...secureContextOptions(credentials),
      requestCert: true,
      rejectUnauthorized: true,
      // Called only when the client offers protocols; a client offering none is served too.
      ALPNCallback: ({ protocols }) => ALPN.find((name) => protocols.includes(name)),
    });
    // Before the TLS handshake: an address that keeps being refused costs no handshake.
    this.server.on("connection", (socket) => {
      if (this.addressRefusals.blocked(socket.remoteAddress ?? "", Date.now())) socket.destroy();
    });
    this.server.on("tlsClientError", (error, socket) => {
      log.debug("mqtt tls refused", { address: socket.remoteAddress, error: error.message });
      this.addressRefusals.refused(socket.remoteAddress ?? "", Date.now());
    });
    this.server.on("secureConnection", (socket) => void this.accept(socket));
    this.credentialsTimer = setInterval(() => {
      options.credentials().then(
        (renewed) => this.server.setSecureContext(secureContextOptions(renewed)),
        (error: unknown) => log.error("mqtt server credentials not renewed", { error: String(error) }),
      );
    }, CREDENTIALS_CHECK_MS);
    this.credentialsTimer.unref();
  }

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const broker = new EmbeddedBroker(options, await options.credentials());
    await broker.aedes.listen();
    await new Promise<void>((resolve, reject) => {
      broker.server.once("error", reject);
      broker.server.listen(options.port, () => {
        broker.server.off("error", reject);
        resolve();
      });
    });
    return broker;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The TLS server, for observers (tests watch the sockets it accepts). */
  get tlsServer(): Server {
    return this.server;
  }

  async send(deviceId: string, topic: string, payload: string | Buffer): Promise<boolean> {
    const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
    if (!topic.startsWith(deviceTopicPrefix(deviceId)))
      throw new Error(`${topic} is not a topic of device ${deviceId}`);
    const size = publishPacketSize(topic, bytes);
    if (size > MAX_DEVICE_PACKET)
      throw new Error(`A message of ${size} bytes on ${topic} exceeds the device's ${MAX_DEVICE_PACKET}-byte packets`);
    const connection = this.current.get(deviceId);
    return connection ? connection.queue.enqueue(topic, bytes) : false;
  }

  isConnected(deviceId: string): boolean {
    return this.current.has(deviceId);
  }

  disconnect(deviceId: string): void {
    this.current.get(deviceId)?.client.close();
  }

  async close(): Promise<void> {
    clearInterval(this.credentialsTimer);
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all(this.stateChanges.values());
  }

  /** A TLS connection with a certificate the CA signed: is its device in good standing? */
  private async accept(socket: TLSSocket): Promise<void> {
    const address = socket.remoteAddress ?? "";
    const certificate = socket.getPeerX509Certificate();
    const serial = certificate?.serialNumber ?? "";
    let identity: DeviceIdentity | null = null;
    if (certificate && !this.certificateRefusals.blocked(serial, Date.now())) {
      try {
        identity = await this.options.standing(certificate.raw);
      } catch (error) {
        log.error("mqtt certificate lookup failed", {
          serial,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (!identity) {
      log.info("mqtt certificate refused", { address, serial });
      this.refused({ address, serial });
      socket.destroy();
      return;
    }
    if (socket.destroyed) return;
    const stream = new DeviceStream(socket, MAX_INCOMING_PACKET, identity.deviceId);
    this.sessions.set(stream, { identity, address });
    this.aedes.handle(stream);
  }

  private refused(who: { address: string; serial: string }): void {
    const now = Date.now();
    this.addressRefusals.refused(who.address, now);
    if (who.serial) this.certificateRefusals.refused(who.serial, now);
  }

  /** The CONNECT's client ID must be the device its certificate names. */
  private authenticate(client: Client, done: (error: AuthenticateError | null, success: boolean | null) => void) {
    const session = this.sessions.get(client.conn);
    if (!session) {
      done(refusal("No device certificate", NOT_AUTHORIZED), null);
      return;
    }
    if (client.id !== session.identity.deviceId) {
      log.info("mqtt client ID refused", { deviceId: session.identity.deviceId, clientId: client.id });
      this.refused({ address: session.address, serial: session.identity.serial });
      done(refusal("The client ID must be the certificate's device ID", IDENTIFIER_REJECTED), null);
      return;
    }
    done(null, true);
  }

  private connected(client: Client): void {
    const session = this.sessions.get(client.conn);
    if (!session) return;
    const queue = new DeliveryQueue(
      (topic, payload) =>
        client.publish({ cmd: "publish", topic, payload, qos: 1, retain: false, dup: false }, (error) => {
          if (error) log.debug("mqtt delivery failed", { deviceId: client.id, error: error.message });
        }),
      () => {
        log.warn("mqtt device did not acknowledge in time; disconnecting", { deviceId: client.id });
        client.close();
      },
    );
    const connection: DeviceConnection = {
      ...session,
      client,
      queue,
      rate: new MessageRate(this.options.messagesPerSecond),
      work: Promise.resolve(),
      pendingPublishes: 0,
      pendingBytes: 0,
    };
    this.connections.set(client, connection);
    this.current.set(session.identity.deviceId, connection);
    this.changeState(session.identity.deviceId, () => this.events.connected(session.identity, session.address));
  }

  private disconnected(client: Client): void {
    const connection = this.connections.get(client);
    if (!connection) return;
    connection.queue.close();
    const { deviceId } = connection.identity;
    // A device that reconnected is online on its newer connection: the older one's end changes nothing.
    if (this.current.get(deviceId) !== connection) return;
    this.current.delete(deviceId);
    this.changeState(deviceId, () => this.events.disconnected(connection.identity));
  }

  private changeState(deviceId: string, change: () => Promise<void>): void {
    const next = (this.stateChanges.get(deviceId) ?? Promise.resolve()).then(change).catch((error: unknown) =>
      log.error("mqtt connection state not recorded", {
        deviceId,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    this.stateChanges.set(deviceId, next);
    void next.then(() => {
      if (this.stateChanges.get(deviceId) === next) this.stateChanges.delete(deviceId);
    });
  }

  /** A device's publish on one of its service topics, within its rate or not. */
  private received(connection: DeviceConnection, op: string, payload: Buffer): void {
    const overloaded =
      connection.pendingPublishes >= MAX_PENDING_PUBLISHES ||
      connection.pendingBytes + payload.length > MAX_PENDING_PUBLISH_BYTES;
    const verdict = overloaded ? "drop" : connection.rate.hit(Date.now());
    if (verdict === "accept") {
      connection.pendingPublishes++;
      connection.pendingBytes += payload.length;
      connection.work = connection.work
        .then(() => this.events.published(connection.identity, op, payload))
        .catch((error: unknown) =>
          log.error("mqtt device operation failed", {
            deviceId: connection.identity.deviceId,
            op,
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => {
          connection.pendingPublishes--;
          connection.pendingBytes -= payload.length;
        });
      return;
    }
    if (verdict === "drop") return;
    log.warn("mqtt device over its message rate", { deviceId: connection.identity.deviceId, verdict });
    this.throttle(connection, verdict === "close");
  }

  /** Asks the device to slow down, or with `close` to stay away for an hour (what the agent does with it). */
  private throttle(connection: DeviceConnection, close: boolean): void {
    const { deviceId } = connection.identity;
    const message = JSON.stringify({ timestamp: Date.now(), close });
    void this.send(deviceId, deviceTopic(deviceId, "mqtt/throttle"), message).then(() => {
      if (close && this.current.get(deviceId) === connection) connection.client.close();
    });
  }
}
