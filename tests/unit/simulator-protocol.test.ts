import { describe, expect, it } from "vitest";
import { linkOptions } from "../../scripts/simulator/link";
import {
  classify,
  deviceItem,
  ingestTopic,
  itemKey,
  logItem,
  metricBatch,
  metricGet,
  metricSet,
  releaseIsFresh,
  serviceTopic,
  storeItem,
  storeSet,
  subscriptions,
  syncDown,
  syncUp,
} from "../../scripts/simulator/protocol";

// The simulator's side of the device protocol, as the Ioto agent speaks it: every topic and payload.

const ID = "0A1B2C3D4E";
const ACCOUNT = "01JACCOUNT";
const AT = "2026-11-01T10:00:00.000Z";

describe("simulator topics", () => {
  it("publish requests under ioto/service/<id>/ and one-way messages through the basic-ingest prefix", () => {
    expect(serviceTopic(ID, "metric/get/100")).toBe("ioto/service/0A1B2C3D4E/metric/get/100");
    expect(ingestTopic(ID, "metric/set")).toBe("$aws/rules/IotoDevice/ioto/service/0A1B2C3D4E/metric/set");
    expect(ingestTopic(ID, "db/syncToDynamo")).toBe("$aws/rules/IotoDevice/ioto/service/0A1B2C3D4E/db/syncToDynamo");
  });

  it("subscribe to the device's own topics, the whole cloud's and its account's", () => {
    expect(subscriptions(ID, ACCOUNT)).toEqual([
      "ioto/device/0A1B2C3D4E/#",
      "ioto/account/all/#",
      "ioto/account/01JACCOUNT/#",
    ]);
  });

  it("classify what arrives: sync actions, provisioning, throttle, answers to requests", () => {
    expect(classify(ID, "ioto/device/0A1B2C3D4E/sync/SYNC")).toEqual({ kind: "sync", action: "SYNC" });
    expect(classify(ID, "ioto/device/0A1B2C3D4E/sync/UPSERT")).toEqual({ kind: "sync", action: "UPSERT" });
    expect(classify(ID, "ioto/account/all/sync/UPSERT")).toEqual({ kind: "sync", action: "UPSERT" });
    expect(classify(ID, `ioto/account/${ACCOUNT}/sync/REMOVE`)).toEqual({ kind: "sync", action: "REMOVE" });
    expect(classify(ID, "ioto/device/0A1B2C3D4E/provision/release")).toEqual({
      kind: "provision",
      command: "release",
    });
    expect(classify(ID, "ioto/device/0A1B2C3D4E/mqtt/throttle")).toEqual({ kind: "throttle" });
    expect(classify(ID, "ioto/device/0A1B2C3D4E/metric/get/117")).toEqual({
      kind: "reply",
      op: "metric/get",
      seq: 117,
    });
    expect(classify(ID, "ioto/device/OTHERDEVIC/sync/SYNC")).toEqual({ kind: "unknown" });
    expect(classify(ID, "ioto/device/0A1B2C3D4E/metric/get")).toEqual({ kind: "unknown" });
  });
});

describe("simulator payloads", () => {
  it("metric/set names the device by the literal ${deviceId} for the cloud to substitute", () => {
    expect(JSON.stringify(metricSet("temperature", 21.5))).toBe(
      '{"metric":"temperature","value":21.5,"dimensions":[{"Device":"${deviceId}"}],"buffer":{"elapsed":0}}',
    );
    // metric/get's dimensions are one object, not a list.
    expect(metricGet("temperature", "current", 3600)).toEqual({
      metric: "temperature",
      dimensions: { Device: "${deviceId}" },
      period: 3600,
      statistic: "current",
    });
  });

  it("metric/set of past readings carries each one's time, in the device's own series", () => {
    expect(metricBatch([{ metric: "temperature", value: 35, timestamp: 1000 }])).toEqual({
      points: [{ metric: "temperature", value: 35, timestamp: 1000, dimensions: [{ Device: "${deviceId}" }] }],
    });
  });

  it("store/set carries the value with its type", () => {
    expect(storeSet("uptime", 42)).toEqual({ key: "uptime", value: 42, type: "number" });
    expect(storeSet("charging", false)).toEqual({ key: "charging", value: false, type: "boolean" });
    expect(storeSet("mode", "eco")).toEqual({ key: "mode", value: "eco", type: "string" });
  });

  it("sync messages carry a seq and changes keyed by sk, or the timestamp to sync down from", () => {
    const store = storeItem({ accountId: ACCOUNT, deviceId: ID }, "uptime", 42, AT);
    expect(syncUp(7, [{ cmd: "update", key: store.sk, item: store }])).toEqual({
      seq: 7,
      changes: [{ cmd: "update", key: "s#uptime", item: store }],
    });
    expect(syncDown(AT)).toEqual({ timestamp: AT });
  });

  it("items are shaped as the agent's schema keys them; Store values travel as strings", () => {
    const device = { id: ID, accountId: ACCOUNT, name: "Sim", description: "d", model: "SIM-1", product: "P" };
    expect(deviceItem(device, AT)).toEqual({
      _type: "Device",
      pk: `d#${ACCOUNT}`,
      sk: `d#${ID}`,
      ...device,
      created: AT,
      updated: AT,
    });
    expect(storeItem({ accountId: ACCOUNT, deviceId: ID }, "uptime", 42, AT)).toEqual({
      _type: "Store",
      pk: `s#${ACCOUNT}#${ID}`,
      sk: "s#uptime",
      accountId: ACCOUNT,
      deviceId: ID,
      key: "uptime",
      value: "42",
      type: "number",
      created: AT,
      updated: AT,
    });
    expect(logItem({ accountId: ACCOUNT, deviceId: ID }, "01JLOG", "hello", { a: 1 }, AT)).toMatchObject({
      _type: "Log",
      pk: `l#${ACCOUNT}#${ID}`,
      sk: "l#01JLOG",
      id: "01JLOG",
      message: "hello",
      context: { a: 1 },
    });
  });

  it("an item's key is its sk, or the one its model derives when the cloud leaves sk out", () => {
    expect(itemKey({ _type: "Store", sk: "s#given", key: "other" })).toBe("s#given");
    expect(itemKey({ _type: "Command", accountId: ACCOUNT, deviceId: ID, id: "C1" })).toBe(
      `command#${ACCOUNT}#${ID}#C1`,
    );
    expect(itemKey({ _type: "Store", key: "mode" })).toBe("s#mode");
    expect(itemKey({ _type: "Command", id: "C1" })).toBeUndefined();
    expect(itemKey({ _type: "Unknown", id: "X" })).toBeUndefined();
  });

  it("a release is obeyed for ten seconds after its timestamp, and at once without one", () => {
    const now = Date.parse(AT);
    expect(releaseIsFresh(String(now - 9_000), now)).toBe(true);
    expect(releaseIsFresh(String(now - 10_000), now)).toBe(false);
    expect(releaseIsFresh("", now)).toBe(true);
  });
});

describe("simulator connection", () => {
  it("connects as the agent does: mutual TLS for the endpoint's name, ALPN, MQTT 3.1.1, clean, its ID", () => {
    const credentials = { certificate: "CERT", key: "KEY", endpoint: "localhost", port: 8883, accountId: ACCOUNT };
    expect(linkOptions(ID, credentials, "CA")).toMatchObject({
      protocol: "mqtts",
      host: "localhost",
      port: 8883,
      cert: "CERT",
      key: "KEY",
      ca: "CA",
      servername: "localhost",
      ALPNProtocols: ["x-amzn-mqtt-ca"],
      rejectUnauthorized: true,
      clientId: ID,
      clean: true,
      protocolVersion: 4,
      keepalive: 1200,
      reconnectPeriod: 0,
    });
  });
});
