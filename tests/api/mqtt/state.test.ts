import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { db } from "../../../lib/db/client";
import { setDeviceConnection } from "../../../lib/db/devices";
import { call } from "../client";
import { cloudToken, tenant, type Session } from "../fixtures";
import { connectDevice, provisionedDevice, startBroker } from "./devices";

// A device's connection state as the broker reports it (docs/api.md#mqtt).

let broker: EmbeddedBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

async function deviceView(
  session: Session,
  id: string,
): Promise<{ connection: string; accessed: string | null; updated: string }> {
  const answer = await call("/tok/device/get", { token: await cloudToken(session), body: { id } });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data;
}

describe("connection state", () => {
  it("is online while the device is connected, offline after, with its last contact as last seen", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const before = Date.now();
    const { updated } = await deviceView(me, device.id);
    const client = await connectDevice(broker, device);
    await expect.poll(async () => (await deviceView(me, device.id)).connection).toBe("online");
    expect(Date.parse((await deviceView(me, device.id)).accessed!)).toBeGreaterThanOrEqual(before - 1000);
    await client.endAsync();
    await expect.poll(async () => (await deviceView(me, device.id)).connection).toBe("offline");
    // The broker's word on a connection is not an edit of the device record.
    expect((await deviceView(me, device.id)).updated).toBe(updated);
  });

  it("stays online when an older connection of a reconnected device ends", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const older = await connectDevice(broker, device);
    const olderClosed = new Promise<void>((resolve) => older.once("close", () => resolve()));
    const newer = await connectDevice(broker, device);
    await olderClosed;
    // The newer connection works, and the older one's end left the device online.
    expect(await broker.send(device.id, `ioto/device/${device.id}/x`, "1")).toBe(true);
    await expect.poll(async () => (await deviceView(me, device.id)).connection).toBe("online");
    expect(broker.isConnected(device.id)).toBe(true);
    older.end(true);
    await newer.endAsync();
    await expect.poll(async () => (await deviceView(me, device.id)).connection).toBe("offline");
  });

  it("starts a broker with no device online: what an earlier run left online is offline", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const { updated } = await deviceView(me, device.id);
    await setDeviceConnection(db(), device.id, me.accountId, "online", new Date());
    const fresh = await startBroker();
    expect(await deviceView(me, device.id)).toMatchObject({ connection: "offline", updated });
    await fresh.close();
  });
});
