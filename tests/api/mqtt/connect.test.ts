import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { call } from "../client";
import { cloudToken, tenant } from "../fixtures";
import { connectDevice, deviceOptions, provisionedDevice, refusal, startBroker } from "./devices";

// Who may connect (docs/api.md#mqtt): a device with its own certificate, under its own ID.

let broker: EmbeddedBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

describe("connecting to the broker", () => {
  it("accepts a provisioned device offering the agent's ALPN, with a clean session whatever it asked", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device, { clean: false, keepalive: 1200 });
    expect(client.connected).toBe(true);
    expect((client.stream as unknown as { alpnProtocol: string }).alpnProtocol).toBe("x-amzn-mqtt-ca");
    await expect.poll(() => broker.isConnected(device.id)).toBe(true);
    await client.subscribeAsync(`ioto/device/${device.id}/#`, { qos: 1 });
    await client.endAsync();
    // A second session finds nothing of the first: no session present, no subscription kept.
    const again = await connectDevice(broker, device, { clean: false });
    expect(again.connack.sessionPresent).toBe(false);
    await again.endAsync();
  });

  it("accepts a device that offers no ALPN protocol", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const client = await connectDevice(broker, device, { ALPNProtocols: undefined });
    expect(client.connected).toBe(true);
    await client.endAsync();
  });

  it("refuses a connection without a client certificate", async () => {
    const outcome = await refusal(broker, await deviceOptions(null));
    expect(outcome).toBe("ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED");
  });

  it("refuses a released device's certificate", async () => {
    const me = await tenant();
    const device = await provisionedDevice(me);
    const released = await call("/tok/device/release", { token: await cloudToken(me), body: { id: device.id } });
    expect(released.status, released.text).toBe(200);
    expect(await refusal(broker, await deviceOptions(device))).toBe("closed");
    expect(broker.isConnected(device.id)).toBe(false);
  });

  it("refuses a client ID that is not the certificate's device", async () => {
    const me = await tenant();
    const [device, other] = [await provisionedDevice(me), await provisionedDevice(me)];
    expect(await refusal(broker, await deviceOptions(device, { clientId: other.id }))).toBe("2");
    expect(broker.isConnected(other.id)).toBe(false);
  });
});
