import "./mqtt-port";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedBroker } from "../../../lib/broker/embedded/broker";
import { startDeviceBroker } from "../../../lib/broker/embedded/start";
import { startOutbox, type Outbox } from "../../../lib/worker/outbox";
import { SimulatedDevice, type Stage } from "../../../scripts/simulator/device";
import { call, claimId, ORIGIN } from "../client";
import { transfer } from "../file-transfer";
import { cloudToken, owner, product, tenant, type Session } from "../fixtures";
import { inProcessFetch } from "./in-process-fetch";

// One simulated device through the agent's whole flow, against the cloud's handlers, the embedded
// broker and the outbox in this process: register, claim, provision, connect over mutual TLS, sync
// up and down, metrics and store values, commands, release and registering again.

let broker: EmbeddedBroker;
let outbox: Outbox;
beforeAll(async () => {
  broker = await startDeviceBroker(Number(process.env.MQTT_PORT));
  outbox = startOutbox(broker);
});
afterAll(async () => {
  await broker.close();
  await outbox.stop();
});

/** A simulated device of a new product, its lines, the stages it went through, and its life. */
async function simulatedDevice() {
  const { id: productId, token } = await product();
  const lines: string[] = [];
  const stages: Stage[] = [];
  let listed!: () => void;
  const registered = new Promise<void>((resolve) => (listed = resolve));
  const device = new SimulatedDevice(claimId(), 0, {
    builder: `${ORIGIN}/builder`,
    product: token,
    intervalMs: 200,
    storeEvery: 1,
    fetch: inProcessFetch,
    print: (line) => lines.push(line),
    listed: () => listed(),
  });
  device.on("stage", (stage) => stages.push(stage));
  const life = device.run();
  await registered;
  return { device, lines, stages, life, productId };
}

/** Generic/create of a Command item for the device: the cloud pushes it down. */
async function command(token: string, deviceId: string, name: string, args = {}) {
  const created = await call("/tok/generic/create", {
    token,
    body: { _type: "Command", deviceId, command: name, args },
  });
  expect(created.status, created.text).toBe(200);
}

async function claim(session: Session, id: string) {
  const claimed = await call("/api/device/claim", { token: session.token, body: { id } });
  expect(claimed.status, claimed.text).toBe(200);
}

describe("a simulated device", () => {
  it("is claimed, provisions, connects, syncs, and its metrics and store values reach the cloud", async () => {
    const me = await tenant();
    const { device, lines, life } = await simulatedDevice();
    try {
      await claim(me, device.id);
      await device.reached("running");
      expect(broker.isConnected(device.id)).toBe(true);
      expect(lines.join("\n")).toMatch(/synced 2 item\(s\) up and 0 down/);

      const token = await cloudToken(me);
      const store = (key: string) => call("/tok/store/get", { token, body: { deviceId: device.id, key } });
      // Synced up at connect: the Store item; and the Device item's name reached the device's row.
      await expect.poll(async () => (await store("firmware")).json?.data?.value).toBe("1.0.0");
      const row = await call("/tok/device/get", { token, body: { id: device.id } });
      expect(row.json.data.name).toBe("Simulated device 1");
      // store/set over MQTT, typed.
      await expect.poll(async () => typeof (await store("uptime")).json?.data?.value).toBe("number");
      await expect.poll(async () => typeof (await store("charging")).json?.data?.value).toBe("boolean");
      // metric/set over MQTT, read back by the device with metric/get.
      await expect.poll(() => lines.some((line) => line.includes("metrics stored: temperature"))).toBe(true);
      const list = await call("/tok/metric/getMetricList", { token, body: { namespace: "Embedthis/Device" } });
      expect(list.json.data.dimensions).toContainEqual({ Device: device.id });
    } finally {
      await device.stop();
      await life;
    }
  });

  it("runs a custom command and logs it up; reboots once; registers again when released", async () => {
    const me = await tenant();
    const token = await cloudToken(me);
    const { device, lines, stages, life } = await simulatedDevice();
    try {
      await claim(me, device.id);
      await device.reached("running");

      await command(token, device.id, "blink", { times: 3 });
      await expect
        .poll(async () => {
          const logs = await call("/tok/generic/find", { token, body: { _type: "Log", deviceId: device.id } });
          return logs.json?.data?.map((log: { message: string }) => log.message);
        })
        .toContain('Command "blink" run');
      expect(lines.join("\n")).toContain('command blink {"times":3}');

      const connects = () => stages.filter((stage) => stage === "running").length;
      await command(token, device.id, "reboot");
      await expect.poll(connects).toBe(2);
      // The sync down after the reboot sends the command again; it is not obeyed twice.
      await expect.poll(() => lines.filter((line) => line.includes("synced")).length).toBe(2);
      expect(lines.filter((line) => line.includes("command reboot"))).toHaveLength(1);

      const released = await call("/tok/device/release", { token, body: { id: device.id } });
      expect(released.status, released.text).toBe(200);
      await device.reached("registering");
      expect(lines.join("\n")).toContain("released by the cloud: forgetting the certificate and registering again");
      await expect.poll(() => broker.isConnected(device.id)).toBe(false);
      // Waiting for a new claim: a new owner's claim provisions it again.
      const other = await tenant();
      await claim(other, device.id);
      await device.reached("running");
    } finally {
      await device.stop();
      await life;
    }
  });

  it("updates its firmware on command: downloads the release, checks it, reports, and syncs its version up", async () => {
    const me = await tenant();
    const token = await cloudToken(me);
    const { device, lines, life, productId } = await simulatedDevice();
    try {
      await claim(me, device.id);
      await device.reached("running");
      const image = randomBytes(5000);
      const release = await call("/api/firmware/create", {
        token: (await owner()).token,
        body: { productId, version: "2.0.0" },
      });
      expect(release.status, release.text).toBe(200);
      const stored = await transfer(release.json.data.url, {
        method: "PUT",
        body: image,
        contentType: "application/octet-stream",
      });
      expect(stored.status, stored.text).toBe(200);

      await command(token, device.id, "update");
      await expect.poll(() => device.version).toBe("2.0.0");
      expect(lines.join("\n")).toContain("command update: installed version 2.0.0 (5000 bytes)");
      const store = () => call("/tok/store/get", { token, body: { deviceId: device.id, key: "firmware" } });
      await expect.poll(async () => (await store()).json?.data?.value).toBe("2.0.0");
      // The report is a request of its own, which may land after the synced version.
      const report = async () =>
        (await call("/api/firmware/reports", { token: me.token, body: { id: device.id } })).json.data[0]?.report;
      await expect.poll(report).toMatchObject({ version: "2.0.0", success: true });
    } finally {
      await device.stop();
      await life;
    }
  });
});
