import mqttPacket from "mqtt-packet";
import type { IClientOptions } from "mqtt";
import type { ConnectionOptions, TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { call } from "../client";
import { tenant } from "../fixtures";
import { connectDevice, nextMessage, provisionedDevice, startBroker, type DeviceClient } from "./devices";
import { count, recordProxy, spyOnWrites, type SocketWrite } from "./wire";

// How messages reach a device (docs/api.md#mqtt): each packet a TLS record of its own, at most
// 4096 bytes, and one unacknowledged QoS 1 message at a time.

let broker: EmbeddedBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

/** The writes the broker makes on the next socket it accepts. */
function nextSocketWrites(): Promise<SocketWrite[]> {
  return new Promise((resolve) =>
    broker.tlsServer.once("secureConnection", (socket: TLSSocket) => resolve(spyOnWrites(socket))),
  );
}

/** A round trip through the broker: its SUBACK comes after every packet it wrote to the device before. */
async function roundTrip(client: DeviceClient, deviceId: string): Promise<void> {
  const subacks = count(client.seen, "suback");
  client.subscribe(`ioto/device/${deviceId}/probe`, { qos: 1 });
  await expect.poll(() => count(client.seen, "suback")).toBe(subacks + 1);
}

/** Whole packets in one buffer, by mqtt.js's own parser; a piece of a packet counts as none. */
function packetsIn(bytes: Buffer): number {
  let packets = 0;
  const parser = mqttPacket.parser({ protocolVersion: 4 });
  parser.on("packet", () => packets++);
  parser.on("error", () => (packets = 0));
  try {
    parser.parse(bytes);
  } catch {
    return 0;
  }
  return packets;
}

// AES-GCM under TLS 1.2: a record's length is its plaintext plus an 8-byte nonce and a 16-byte tag.
type Held = Array<{ topic: string; acknowledge: () => void }>;

/** The device holds each acknowledgement until the test lets it go. */
function holdAcknowledgements(client: DeviceClient): Held {
  const held: Held = [];
  client.handleMessage = (packet, callback) => {
    held.push({ topic: packet.topic, acknowledge: () => callback() });
  };
  return held;
}

/** Takes `total` messages, acknowledging each only after checking no other was written meanwhile. */
async function receiveOneAtATime(client: DeviceClient, deviceId: string, held: Held, total: number) {
  const topics: string[] = [];
  const before = count(client.seen, "publish");
  for (let i = 0; i < total; i++) {
    await expect.poll(() => held.length).toBe(1);
    // Had the broker written the next message, it would be on the socket before this SUBACK.
    await roundTrip(client, deviceId);
    expect(count(client.seen, "publish") - before).toBe(i + 1);
    const message = held.shift()!;
    topics.push(message.topic);
    message.acknowledge();
  }
  return topics;
}

const TLS12_GCM: IClientOptions & ConnectionOptions = {
  maxVersion: "TLSv1.2",
  ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256",
};
const GCM_OVERHEAD = 24;

describe("delivery to a device", () => {
  it("writes each packet as a TLS record of its own, only after the previous write completed", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const proxy = await recordProxy(broker.port);
    const writes = nextSocketWrites();
    const client = await connectDevice(broker, device, TLS12_GCM, proxy.port);
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    // A request answered at once: its PUBACK and the reply leave back to back.
    const request = { metric: "none", dimensions: { Device: device.id }, period: 60, statistic: "avg" };
    const answered = nextMessage(client, `ioto/device/${device.id}/metric/get/1`);
    await client.publishAsync(`ioto/service/${device.id}/metric/get/1`, JSON.stringify(request), { qos: 1 });
    // Answered before the next publishes, so the order on the wire below is fixed.
    await answered;
    // Publishes arriving together are acknowledged together: five PUBACKs written in one tick.
    const body = JSON.stringify({ metric: "m", value: 1 });
    await Promise.all(
      [1, 2, 3, 4, 5].map(() => client.publishAsync(`ioto/service/${device.id}/metric/set`, body, { qos: 1 })),
    );
    const sent = [1, 200, 3000].map((size, i) =>
      broker.send(device.id, `ioto/device/${device.id}/x/${i}`, "a".repeat(size)),
    );
    expect(await Promise.all(sent)).toEqual([true, true, true]);
    await roundTrip(client, device.id);

    // On the wire: one record per packet, of the packet's size.
    expect(client.seen.map((packet) => packet.cmd)).toEqual([
      "connack",
      "suback",
      "puback",
      "publish",
      ...Array(5).fill("puback"),
      "publish",
      "publish",
      "publish",
      "suback",
    ]);
    expect(proxy.records.map((length) => length - GCM_OVERHEAD)).toEqual(client.seen.map((packet) => packet.size));
    // At the broker: one whole packet per write, each after the previous one's callback.
    const made = await writes;
    expect(made.map((write) => packetsIn(write.bytes))).toEqual(client.seen.map(() => 1));
    expect(made.every((write) => write.afterPrevious && write.bytes.length <= 4096)).toBe(true);
    await client.endAsync();
    proxy.server.close();
  });

  it("sends 20 queued messages with at most one unacknowledged, in order", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    const held = holdAcknowledgements(client);
    const topics = Array.from({ length: 20 }, (_, i) => `ioto/device/${device.id}/sync/UPSERT/${i}`);
    const delivered = topics.map((topic, i) => broker.send(device.id, topic, JSON.stringify({ item: i })));
    expect(await receiveOneAtATime(client, device.id, held, topics.length)).toEqual(topics);
    expect(await Promise.all(delivered)).toEqual(topics.map(() => true));
    await client.endAsync();
  });

  it("answers a sync down of 20 commands one unacknowledged message at a time, then SYNCDOWN", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const since = new Date().toISOString();
    for (let i = 0; i < 20; i++) {
      const sent = await call("/api/generic/create", {
        token: me.token,
        body: { _type: "Command", deviceId: device.id, command: "update", description: `#${i}` },
      });
      expect(sent.status, sent.text).toBe(200);
    }
    const client = await connectDevice(broker, device);
    const held = holdAcknowledgements(client);
    await client.publishAsync(`ioto/service/${device.id}/db/syncDown`, JSON.stringify({ timestamp: since }), {
      qos: 1,
    });
    const topics = await receiveOneAtATime(client, device.id, held, 21);
    expect(topics).toEqual([
      ...Array.from({ length: 20 }, () => `ioto/device/${device.id}/sync/UPSERT`),
      `ioto/device/${device.id}/sync/SYNCDOWN`,
    ]);
    await client.endAsync();
  });

  it("refuses a message whose packet would exceed 4096 bytes, and sends one of exactly 4096", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    const topic = `ioto/device/${device.id}/sync/UPSERT`;
    // Fixed header 1, remaining length 2, topic length 2, topic, packet ID 2.
    const fits = 4096 - (1 + 2 + 2 + topic.length + 2);
    await expect(broker.send(device.id, topic, "x".repeat(fits + 1))).rejects.toThrow(/4096/);
    expect(await broker.send(device.id, topic, "x".repeat(fits))).toBe(true);
    await roundTrip(client, device.id);
    expect(client.seen.filter((packet) => packet.cmd === "publish").map((packet) => packet.size)).toEqual([4096]);
    await client.endAsync();
  });

  it("refuses a topic outside the device's, and answers false for a device that is not connected", async () => {
    const me = await tenant();
    const [device, other] = [await provisionedDevice(me), await provisionedDevice(me)];
    const client = await connectDevice(broker, device);
    await expect(broker.send(device.id, `ioto/device/${other.id}/x`, "1")).rejects.toThrow(/not a topic/);
    expect(await broker.send(other.id, `ioto/device/${other.id}/x`, "1")).toBe(false);
    await client.endAsync();
  });
});
