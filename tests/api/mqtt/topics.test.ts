import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { call } from "../client";
import { tenant, type Session } from "../fixtures";
import { connectDevice, grantedQos, nextMessage, provisionedDevice, startBroker, type DeviceClient } from "./devices";

// What a device may read and write (docs/api.md#mqtt), and the metric operations it publishes.

let broker: EmbeddedBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

/** The device's series over the last hour: how many points, their least and greatest. */
async function stored(session: Session, deviceId: string, metric: string) {
  const item = { metric, dimensions: { Device: deviceId }, range: 3600, accumulate: true };
  const answer = await call("/api/metric/fetch", { token: session.token, body: { items: [item] } });
  expect(answer.status, answer.text).toBe(200);
  const { count, min, max } = answer.json.data[0].summary;
  return { count, min, max };
}

/** Asks metric/get as the agent does and answers the bare reply. */
async function metricGet(client: DeviceClient, deviceId: string, seq: number, request: object): Promise<string> {
  const reply = nextMessage(client, `ioto/device/${deviceId}/metric/get/${seq}`);
  await client.publishAsync(`ioto/service/${deviceId}/metric/get/${seq}`, JSON.stringify(request), { qos: 1 });
  return (await reply).toString();
}

describe("device topics", () => {
  it("stores metric/set sent through the basic-ingest prefix, with ${deviceId} as the sender, and answers metric/get", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    for (const value of [4, 4.5]) {
      const body = { metric: "temp", value, dimensions: [{ Device: "${deviceId}" }], buffer: { elapsed: 0 } };
      await client.publishAsync(`$aws/rules/IotoDevice/ioto/service/${device.id}/metric/set`, JSON.stringify(body), {
        qos: 1,
      });
    }
    const request = { metric: "temp", dimensions: { Device: "${deviceId}" }, period: 3600, statistic: "avg" };
    expect(await metricGet(client, device.id, 17, request)).toBe("4.25");
    expect(await stored(me, device.id, "temp")).toEqual({ count: 2, min: 4, max: 4.5 });
    // No point in the period: the agent reads the text with strtod, so it sees 0.
    expect(await metricGet(client, device.id, 18, { ...request, metric: "none" })).toBe("null");
    await client.endAsync();
  });

  it("accepts a 128 KiB publish, and cuts off a device whose packet exceeds the 256 KiB bound", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    const topic = `ioto/service/${device.id}/metric/set`;
    // The agent's extra fields are ignored, as over HTTP; this one only makes the packet large.
    const large = JSON.stringify({
      metric: "big",
      value: 1,
      dimensions: [{ Device: device.id }],
      pad: "x".repeat(128 * 1024),
    });
    await client.publishAsync(topic, large, { qos: 1 });
    await expect.poll(async () => (await stored(me, device.id, "big")).count).toBe(1);
    const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
    client.publish(topic, "x".repeat(256 * 1024), { qos: 1 });
    await closed;
    client.end(true);
  });

  it("never forwards a device's publish to any subscriber", async () => {
    const me = await tenant();
    const [a, b] = [await provisionedDevice(me), await provisionedDevice(me)];
    const [sender, watcher] = [await connectDevice(broker, a), await connectDevice(broker, b)];
    const received: string[] = [];
    for (const client of [sender, watcher]) client.on("message", (topic) => received.push(topic));
    await sender.subscribeAsync(`ioto/device/${a.id}/#`, { qos: 1 });
    const filters = ["#", "ioto/service/#", "$aws/#", `ioto/device/${b.id}/#`];
    expect(await grantedQos(watcher, filters)).toEqual([128, 128, 128, 1]);
    const body = JSON.stringify({ metric: "m", value: 1, dimensions: [{ Device: a.id }] });
    await sender.publishAsync(`$aws/rules/IotoDevice/ioto/service/${a.id}/metric/set`, body, { qos: 1 });
    await sender.publishAsync(`ioto/service/${a.id}/metric/set`, body, { qos: 0 });
    // The reply to a later request comes after both were handled: by then a forward would have arrived.
    const request = { metric: "m", dimensions: { Device: a.id }, period: 3600, statistic: "count" };
    expect(await metricGet(sender, a.id, 1, request)).toBe("2");
    expect(received).toEqual([`ioto/device/${a.id}/metric/get/1`]);
    await Promise.all([sender.endAsync(), watcher.endAsync()]);
  });

  it("refuses a subscription to another device's or account's topics", async () => {
    const me = await tenant();
    const other = await tenant();
    const device = await provisionedDevice(me);
    const stranger = await provisionedDevice(other);
    const client = await connectDevice(broker, device);
    const granted = await grantedQos(client, [
      `ioto/device/${stranger.id}/#`,
      `ioto/account/${other.accountId}/#`,
      "ioto/device/+/#",
      `ioto/device/${device.id}/#`,
      "ioto/account/all/#",
      `ioto/account/${me.accountId}/#`,
    ]);
    expect(granted).toEqual([128, 128, 128, 1, 1, 1]);
    await client.endAsync();
  });

  it("cuts off a device that publishes on another device's topic, which handles nothing", async () => {
    const me = await tenant();
    const [device, victim] = [await provisionedDevice(me), await provisionedDevice(me)];
    const client = await connectDevice(broker, device);
    const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
    const body = JSON.stringify({ metric: "forged", value: 1, dimensions: [{ Device: victim.id }] });
    client.publish(`$aws/rules/IotoDevice/ioto/service/${victim.id}/metric/set`, body, { qos: 1 });
    await closed;
    expect((await stored(me, victim.id, "forged")).count).toBe(0);
    client.end(true);
  });
});
