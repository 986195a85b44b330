import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { ADDRESS_REFUSALS } from "../../../lib/broker/embedded/throttles";
import { deviceEvents } from "../../../lib/device-ops/router";
import { env } from "../../../lib/env";
import { certificateStanding, serverCredentials } from "../../../lib/pki";
import { call } from "../client";
import { cloudToken, tenant } from "../fixtures";
import { connectDevice, deviceOptions, nextMessage, provisionedDevice, refusal } from "./devices";

// Throttles (decision 015): refused devices reconnect at once, forever; noisy devices are slowed.
// This file's broker counts its certificate lookups and allows 5 publishes a second per device.

let broker: EmbeddedBroker;
let lookups = 0;
beforeAll(async () => {
  broker = await EmbeddedBroker.start({
    port: 0,
    credentials: () => serverCredentials(env().mqttHost),
    standing: (certificate) => {
      lookups++;
      return certificateStanding(certificate);
    },
    events: deviceEvents,
    messagesPerSecond: 5,
  });
});
afterAll(() => broker.close());

describe("throttles", () => {
  it("refuses a refused certificate again without looking it up", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const released = await call("/tok/device/release", { token: await cloudToken(me), body: { id: device.id } });
    expect(released.status, released.text).toBe(200);
    const options = await deviceOptions(device);
    expect(await refusal(broker, options)).toBe("closed");
    const looked = lookups;
    expect(await refusal(broker, options)).toBe("closed");
    expect(await refusal(broker, options)).toBe("closed");
    expect(lookups).toBe(looked);
  });

  it("tells a device over its message rate to slow down, and drops the excess", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device);
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    const throttle = nextMessage(client, `ioto/device/${device.id}/mqtt/throttle`);
    const body = JSON.stringify({ metric: "noisy", value: 1, dimensions: [{ Device: device.id }] });
    for (let i = 0; i < 30; i++) client.publish(`ioto/service/${device.id}/metric/set`, body, { qos: 0 });
    const told = JSON.parse((await throttle).toString());
    expect(told.close).toBe(false);
    expect(Math.abs(told.timestamp - Date.now())).toBeLessThan(30_000);
    const item = { metric: "noisy", dimensions: { Device: device.id }, range: 3600, accumulate: true };
    const fetched = await call("/api/metric/fetch", { token: me.token, body: { items: [item] } });
    expect(fetched.json.data[0].summary.count).toBeLessThan(30);
    await client.endAsync();
  });

  // Last in this file: it leaves this machine's address blocked for a minute.
  it("closes connections from an address refused too often before their TLS handshake", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const anonymous = await deviceOptions(null);
    for (let i = 0; i < ADDRESS_REFUSALS.limit; i++) await refusal(broker, anonymous);
    let secured = false;
    broker.tlsServer.once("secureConnection", () => (secured = true));
    const looked = lookups;
    // The client hears nothing of TLS: its socket closes before a secure connection was established.
    expect(await refusal(broker, await deviceOptions(device))).toBe("ECONNRESET");
    expect(secured).toBe(false);
    expect(lookups).toBe(looked);
  });
});
