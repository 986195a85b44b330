import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedBroker, MAX_PENDING_PUBLISH_BYTES } from "../../../lib/broker/embedded/broker";
import { env } from "../../../lib/env";
import { certificateStanding, serverCredentials } from "../../../lib/pki";
import { tenant } from "../fixtures";
import { connectDevice, provisionedDevice } from "./devices";

// A device's publishes wait for the one before to be handled (decision 015). While the cloud is
// slow (a long sync, a busy database), what waits is bounded in bytes, not only in messages: a
// device sending large payloads must not make the worker hold hundreds of megabytes.

let broker: EmbeddedBroker;
/** Sizes of the payloads handled, in order. */
const handled: number[] = [];
let release: () => void = () => {};
const stalled = new Promise<void>((resolve) => (release = resolve));

beforeAll(async () => {
  broker = await EmbeddedBroker.start({
    port: 0,
    credentials: () => serverCredentials(env().mqttHost),
    standing: (certificate) => certificateStanding(certificate),
    // Every handler waits until the test lets them all go: the cloud is busy meanwhile.
    events: () => ({
      published: async (_device, _op, payload) => {
        await stalled;
        handled.push(payload.length);
      },
      connected: async () => {},
      disconnected: async () => {},
    }),
    messagesPerSecond: 0,
  });
});
afterAll(() => broker.close());

describe("a device's waiting publishes", () => {
  it("are bounded in bytes while the cloud is busy; the excess is dropped", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    const payload = "x".repeat(200 * 1024);
    const sent = Math.ceil((2 * MAX_PENDING_PUBLISH_BYTES) / payload.length);
    // Each PUBACK comes once the broker took the publish in: every one has been kept or dropped.
    for (let i = 0; i < sent; i++)
      await client.publishAsync(`ioto/service/${device.id}/metric/set`, payload, { qos: 1 });
    release();
    // Sent once the backlog is released, so handled after whatever of it was kept.
    await client.publishAsync(`ioto/service/${device.id}/metric/set`, "{}", { qos: 1 });
    await expect.poll(() => handled.at(-1)).toBe(2);
    const kept = handled.filter((size) => size === payload.length).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept * payload.length).toBeLessThanOrEqual(MAX_PENDING_PUBLISH_BYTES);
    await client.endAsync();
  });
});
