import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { db } from "../../../lib/db/client";
import { enqueueDeviceMessage } from "../../../lib/db/device-messages";
import { OUTBOX_OPTIONS, startOutbox, type Outbox } from "../../../lib/worker/outbox";
import { call } from "../client";
import { cloudToken, tenant } from "../fixtures";
import { connectDevice, nextMessage, provisionedDevice, startBroker } from "./devices";

// The outbox (decision 015): rows a change wrote reach a connected device, and only a connected one.

let broker: EmbeddedBroker;
let outbox: Outbox;
beforeAll(async () => {
  broker = await startBroker();
  outbox = startOutbox(broker);
});
afterAll(async () => {
  await broker.close();
  await outbox.stop();
});

const rowsOf = (deviceId: string) => db().deviceMessage.findMany({ where: { deviceId } });

describe("the device outbox", () => {
  it("delivers a release to a connected device within a second, and deletes the row", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    const release = nextMessage(client, `ioto/device/${device.id}/provision/release`);
    const started = Date.now();
    const released = await call("/tok/device/release", { token: await cloudToken(me), body: { id: device.id } });
    expect(released.status, released.text).toBe(200);
    const stamp = Number((await release).toString());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stamp).toBeGreaterThanOrEqual(started);
    await expect.poll(() => rowsOf(device.id)).toEqual([]);
    client.end(true);
  });

  it("closes a released device's connection once the release is delivered, even if the device stays", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    // Like an agent whose clock runs ahead, which takes the release for a stale one and ignores it.
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    const release = nextMessage(client, `ioto/device/${device.id}/provision/release`);
    const released = await call("/tok/device/release", { token: await cloudToken(me), body: { id: device.id } });
    expect(released.status, released.text).toBe(200);
    await release;
    await expect.poll(() => client.connected, { timeout: 3000 }).toBe(false);
    expect(broker.isConnected(device.id)).toBe(false);
    client.end(true);
  });

  it("delivers to other devices while one device holds a whole batch of rows unacknowledged", async () => {
    const me = await tenant();
    const [slow, other] = [await provisionedDevice(me), await provisionedDevice(me)];
    const stuck = await connectDevice(broker, slow);
    stuck.handleMessage = () => {}; // never acknowledges
    const client = await connectDevice(broker, other);
    const topic = `ioto/device/${slow.id}/sync/UPSERT`;
    await db().deviceMessage.createMany({
      data: Array.from({ length: OUTBOX_OPTIONS.batch }, () => ({ deviceId: slow.id, topic, payload: "{}" })),
    });
    await expect.poll(() => stuck.seen.some((packet) => packet.cmd === "publish")).toBe(true);
    let released = false;
    void nextMessage(client, `ioto/device/${other.id}/provision/release`).then(() => (released = true));
    await call("/tok/device/release", { token: await cloudToken(me), body: { id: other.id } });
    // Within the second a release is due in, not once the stuck device's rows time out.
    await expect.poll(() => released, { timeout: 1500 }).toBe(true);
    stuck.end(true);
    client.end(true);
  });

  it("deletes the messages of a device that is not connected, sending nothing", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    await enqueueDeviceMessage(db(), device.id, `ioto/device/${device.id}/sync/UPSERT`, "{}");
    outbox.wake();
    await expect.poll(() => rowsOf(device.id)).toEqual([]);
  });

  it("tries again a message the device went away without acknowledging, once it is back", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const first = await connectDevice(broker, device);
    first.handleMessage = () => {}; // never acknowledges
    await enqueueDeviceMessage(db(), device.id, `ioto/device/${device.id}/sync/UPSERT`, '{"n":1}');
    await expect.poll(() => first.seen.some((packet) => packet.cmd === "publish")).toBe(true);
    // The device comes back on a new connection, which ends the old one and its unacknowledged message.
    const second = await connectDevice(broker, device);
    const again = nextMessage(second, `ioto/device/${device.id}/sync/UPSERT`);
    await expect.poll(async () => (await rowsOf(device.id))[0]?.attempts).toBe(1);
    expect((await again).toString()).toBe('{"n":1}');
    await expect.poll(() => rowsOf(device.id)).toEqual([]);
    await second.endAsync();
    first.end(true);
  });

  it("never sends a command the device acknowledged again, neither by sync down nor at its next connect", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    const since = new Date().toISOString();
    const pushed = nextMessage(client, `ioto/device/${device.id}/sync/UPSERT`);
    const sent = await call("/api/generic/create", {
      token: me.token,
      body: { _type: "Command", deviceId: device.id, command: "reboot" },
    });
    expect(sent.status, sent.text).toBe(200);
    expect(JSON.parse((await pushed).toString())).toMatchObject({ command: "reboot" });
    const command = () => db().deviceItem.findFirstOrThrow({ where: { deviceId: device.id, type: "Command" } });
    await expect.poll(async () => (await command()).delivered).not.toBeNull();
    client.end(true);

    // The agent obeys at once and restarts before SYNCDOWN moved its sync time: it asks from before.
    const again = await connectDevice(broker, device);
    await again.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    const topics: string[] = [];
    again.on("message", (topic) => topics.push(topic));
    const done = nextMessage(again, `ioto/device/${device.id}/sync/SYNCDOWN`);
    await again.publishAsync(`ioto/service/${device.id}/db/syncDown`, JSON.stringify({ timestamp: since }), { qos: 1 });
    await done;
    expect(topics).toEqual([`ioto/device/${device.id}/sync/SYNCDOWN`]);
    again.end(true);
  });
});
