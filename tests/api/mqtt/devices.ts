import mqtt, { type IClientOptions, type IConnackPacket, type MqttClient } from "mqtt";
import { expect } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { startDeviceBroker } from "../../../lib/broker/embedded/start";
import { deviceCaPem } from "../../../lib/pki";
import { call } from "../client";
import { deviceWithToken, type Session } from "../fixtures";
import { watchPackets, type SeenPacket } from "./wire";

// Devices as the agent is to the broker: provisioned through the API, connected over real mutual
// TLS with mqtt.js, offering the agent's ALPN protocol name.

export interface ProvisionedDevice {
  id: string;
  accountId: string;
  token: string;
  certificate: string;
  key: string;
}

/** The broker on a free port, on this test file's database. */
export const startBroker = (): Promise<EmbeddedBroker> => startDeviceBroker(0);

export async function provisionedDevice(session: Session): Promise<ProvisionedDevice> {
  const { id, token } = await deviceWithToken(session);
  const answer = await call("/tok/device/provision", { token, body: { id }, accept: "*/*" });
  expect(answer.status, answer.text).toBe(200);
  return { id, accountId: session.accountId, token, certificate: answer.json.certificate, key: answer.json.key };
}

/** What the agent's connection looks like; `overrides` change one thing at a time. */
export async function deviceOptions(
  device: ProvisionedDevice | null,
  overrides: IClientOptions = {},
): Promise<IClientOptions> {
  return {
    clientId: device?.id ?? "nobody",
    ...(device ? { cert: device.certificate, key: device.key } : {}),
    ca: await deviceCaPem(),
    servername: "localhost",
    ALPNProtocols: ["x-amzn-mqtt-ca"],
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 10_000,
    ...overrides,
  };
}

/** A connected device's client, its CONNACK, and every packet its socket received (wire.ts). */
export type DeviceClient = MqttClient & { connack: IConnackPacket; seen: SeenPacket[] };

export async function connectDevice(
  broker: EmbeddedBroker,
  device: ProvisionedDevice,
  overrides: IClientOptions = {},
  /** Another way to the broker (a proxy in front of it). */
  port = broker.port,
): Promise<DeviceClient> {
  const client = mqtt.connect(`mqtts://localhost:${port}`, await deviceOptions(device, overrides));
  const seen = watchPackets(client);
  const connack = await new Promise<IConnackPacket>((resolve, reject) => {
    client.once("connect", resolve);
    client.once("error", reject);
    client.once("close", () => reject(new Error("closed before CONNACK")));
  });
  return Object.assign(client, { connack, seen });
}

/** How a refused connection ends: the CONNACK's return code, or the TLS error; never a connection. */
export async function refusal(broker: EmbeddedBroker, options: IClientOptions): Promise<string> {
  const client = mqtt.connect(`mqtts://localhost:${broker.port}`, options);
  try {
    return await new Promise<string>((resolve, reject) => {
      client.on("connect", () => reject(new Error("the broker accepted the connection")));
      client.on("error", (error) => resolve(String((error as { code?: unknown }).code ?? error.message)));
      client.on("close", () => resolve("closed"));
    });
  } finally {
    client.end(true);
  }
}

/** The next message the client receives on `topic`. */
export function nextMessage(client: MqttClient, topic: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const onMessage = (received: string, payload: Buffer) => {
      if (received !== topic) return;
      client.off("message", onMessage);
      resolve(payload);
    };
    client.on("message", onMessage);
  });
}

/** The QoS the broker grants each filter; 128 is a refusal (mqtt.js reports one as an error). */
export async function grantedQos(client: MqttClient, filters: string[]): Promise<number[]> {
  try {
    return (await client.subscribeAsync(filters, { qos: 1 })).map((grant) => grant.qos);
  } catch (error) {
    return (error as { packet: { granted: number[] } }).packet.granted;
  }
}
