import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_DEVICE_PACKET, publishPacketSize } from "../../lib/broker/packet-size";
import { db } from "../../lib/db/client";
import { deviceOps, type DeviceReply } from "../../lib/device-ops";
import { deviceConnected } from "../../lib/services/device-connection";
import { call } from "./client";
import { owner, tenant } from "./fixtures";
import { deviceOfProduct, identityOf, outbox, settingsSchema, storedItems } from "./device-items";

// The device operations of database sync and the Store, called as the broker calls them: with the
// identity a device's certificate proves, a topic's operation and the payload it published.

type Identity = ReturnType<typeof identityOf>;
const publish = (device: Identity, op: string, payload: unknown, rest = "") =>
  deviceOps[op]!(device, Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload)), rest);

const parsed = (replies: DeviceReply[]) => replies.map((r) => [r.topic, JSON.parse(r.payload)] as const);
const iso = (ms: number) => new Date(ms).toISOString();

afterEach(() => {
  vi.useRealTimers();
});

function storeChange(key: string, value: string, updated: string, cmd = "upsert") {
  return { cmd, key: `s#${key}`, item: { _type: "Store", key, value, type: "number", updated, sk: `s#${key}` } };
}

function expectPacketsFit(deviceId: string, replies: DeviceReply[]) {
  for (const reply of replies)
    expect(publishPacketSize(`ioto/device/${deviceId}/${reply.topic}`, reply.payload)).toBeLessThanOrEqual(
      MAX_DEVICE_PACKET,
    );
}

describe("sync up (db/syncToDynamo)", () => {
  it("keeps the device's changes and acknowledges every key with the seq, as the agent expects", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const device = identityOf(me, id);
    // Newer than the device row's last write (its claim): the last writer wins there too.
    const at = iso(Date.now());
    const replies = await publish(device, "db/syncToDynamo", {
      seq: 1234,
      changes: [
        storeChange("temp", "21.5", at),
        { cmd: "create", key: "l#01J", item: { _type: "Log", id: "01J", message: "boot", updated: at } },
        { cmd: "upsert", key: `d#${id}`, item: { _type: "Device", id, name: "Porch", state: "bogus", updated: at } },
      ],
    });
    expect(parsed(replies)).toEqual([["sync/SYNC", { seq: 1234, keys: ["s#temp", "l#01J", `d#${id}`], updated: at }]]);
    const got = await call("/api/store/get", { token: me.token, body: { deviceId: id, key: "temp" } });
    expect(got.json.data).toMatchObject({ value: 21.5, type: "number", updated: at });
    const device$ = await call("/api/device/get", { token: me.token, body: { id } });
    expect(device$.json.data).toMatchObject({ name: "Porch", state: "claimed" });
    expect(await outbox(id)).toEqual([]);
  });

  it("takes the name a device gave itself before it connected: contacts are not edits of the device", async () => {
    const me = await tenant();
    const { id, deviceToken } = await deviceOfProduct(me);
    const device = identityOf(me, id);
    // The clock is moved with fake Dates (timers stay real): renamed while offline at `renamed`,
    // the device then connects and calls with its token, and only then syncs its change up.
    const renamed = Date.now() + 3_600_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(renamed + 10_000);
    await deviceConnected(device);
    vi.setSystemTime(renamed + 50_000);
    await call("/tok/device/get", { token: deviceToken, body: { id } });
    const change = { _type: "Device", id, name: "Attic", updated: iso(renamed) };
    const replies = await publish(device, "db/syncToDynamo", {
      seq: 7,
      changes: [{ cmd: "upsert", key: `d#${id}`, item: change }],
    });
    expect(parsed(replies).map(([topic]) => topic)).toEqual(["sync/SYNC"]);
    const got = await call("/api/device/get", { token: me.token, body: { id } });
    expect(got.json.data).toMatchObject({ name: "Attic", connection: "online", accessed: iso(renamed + 50_000) });
  });

  it("lets the last writer win by updated, and sends the newer cloud item back down", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const device = identityOf(me, id);
    await call("/api/store/set", { token: me.token, body: { deviceId: id, key: "mode", value: 2 } });
    const stale = await publish(device, "db/syncToDynamo", {
      seq: 1,
      changes: [storeChange("mode", "1", iso(Date.now() - 60_000))],
    });
    expect(parsed(stale).map(([topic]) => topic)).toEqual(["sync/SYNC", "sync/UPSERT"]);
    expect(parsed(stale)[1]![1]).toMatchObject({ _type: "Store", key: "mode", value: 2, sk: "s#mode" });
    const read = async () =>
      (await call("/api/store/get", { token: me.token, body: { deviceId: id, key: "mode" } })).json.data.value;
    expect(await read()).toBe(2);
    const fresh = await publish(device, "db/syncToDynamo", {
      seq: 2,
      changes: [storeChange("mode", "3", iso(Date.now()))],
    });
    expect(parsed(fresh).map(([topic]) => topic)).toEqual(["sync/SYNC"]);
    expect(await read()).toBe(3);
  });

  it("keeps a device's change over a cloud item that has expired, and sends nothing expired back", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const device = identityOf(me, id);
    const expired = { deviceId: id, key: "mode", value: 2, expires: Date.now() - 1000 };
    const set = await call("/api/store/set", { token: me.token, body: expired });
    expect(set.status, set.text).toBe(200);
    const replies = await publish(device, "db/syncToDynamo", {
      seq: 1,
      changes: [storeChange("mode", "1", iso(Date.now() - 60_000))],
    });
    expect(parsed(replies).map(([topic]) => topic)).toEqual(["sync/SYNC"]);
    const got = await call("/api/store/get", { token: me.token, body: { deviceId: id, key: "mode" } });
    expect([got.status, got.json.data?.value]).toEqual([200, 1]);
  });

  it("ignores changes of models that only sync down, yet acknowledges them", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const command = { _type: "Command", id: "X1", command: "reboot", updated: iso(Date.now()) };
    const replies = await publish(identityOf(me, id), "db/syncToDynamo", {
      seq: 9,
      changes: [
        { cmd: "upsert", key: "command#X1", item: command },
        { cmd: "upsert", key: "junk" },
      ],
    });
    expect(parsed(replies)[0]![1]).toMatchObject({ seq: 9, keys: ["command#X1", "junk"] });
    expect(await storedItems(id)).toEqual([]);
  });

  it("splits an acknowledgement too large for one packet", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const keys = Array.from({ length: 120 }, (_, i) => `s#${"k".repeat(60)}${i}`);
    const changes = keys.map((key) => storeChange(key.slice(2), "1", iso(Date.now())));
    const replies = await publish(identityOf(me, id), "db/syncToDynamo", { seq: 5, changes });
    expect(replies.length).toBeGreaterThan(1);
    expectPacketsFit(id, replies);
    expect(parsed(replies).flatMap(([, ack]) => ack.keys)).toEqual(keys);
  });
});

describe("sync down (db/syncDown)", () => {
  it("sends each newer item in a message of its own, then SYNCDOWN", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const before = iso(Date.now() - 1000);
    for (let i = 0; i < 20; i++)
      await call("/api/generic/create", {
        token: me.token,
        body: { _type: "Command", deviceId: id, command: "update", description: `#${i}` },
      });
    await publish(identityOf(me, id), "store/set", { key: "own", value: "1", type: "number" });
    const pending = await outbox(id);
    const replies = await publish(identityOf(me, id), "db/syncDown", { timestamp: before });
    const messages = parsed(replies);
    expect(messages).toHaveLength(21);
    expect(messages.slice(0, 20).map(([topic, item]) => [topic, item._type, item.description])).toEqual(
      Array.from({ length: 20 }, (_, i) => ["sync/UPSERT", "Command", `#${i}`]),
    );
    // While pushes wait in the outbox the device may count itself synced only up to the first.
    expect(messages[20]).toEqual(["sync/SYNCDOWN", { updated: pending[0]!.item.updated }]);
    await db().deviceMessage.deleteMany({ where: { deviceId: id } });
    const again = parsed(await publish(identityOf(me, id), "db/syncDown", { timestamp: before }));
    expect(again.at(-1)).toEqual(["sync/SYNCDOWN", { updated: messages[19]![1].updated }]);
    // Asked again from there (the agent's next connect), the last item is not sent a second time.
    const resumed = parsed(await publish(identityOf(me, id), "db/syncDown", { timestamp: messages[19]![1].updated }));
    expect(resumed.map(([topic]) => topic)).toEqual(["sync/SYNCDOWN"]);
    const later = parsed(await publish(identityOf(me, id), "db/syncDown", { timestamp: iso(Date.now() + 1000) }));
    expect(later.map(([topic]) => topic)).toEqual(["sync/SYNCDOWN"]);
  });

  it("never sends an item too large for the device's packets", async () => {
    const me = await tenant();
    const { id, product } = await deviceOfProduct(me, settingsSchema);
    const text = "x".repeat(6000);
    const note = await call("/api/generic/create", { token: me.token, body: { _type: "Notes", deviceId: id, text } });
    expect(note.status, note.text).toBe(200);
    await call("/api/generic/create", { token: me.token, body: { _type: "Notes", deviceId: id, text: "small" } });
    // The product now syncs its notes down: the large one can never reach the device.
    const syncing = { ...settingsSchema, process: { ...settingsSchema.process, Notes: { sync: "down" } } };
    const updated = await call("/api/product/update", {
      token: (await owner()).token,
      body: { id: product.id, dataSchema: syncing },
    });
    expect(updated.status, updated.text).toBe(200);
    const replies = await publish(identityOf(me, id), "db/syncDown", { timestamp: iso(0) });
    expectPacketsFit(id, replies);
    expect(parsed(replies).map(([topic, item]) => [topic, item.text])).toEqual([
      ["sync/UPSERT", "small"],
      ["sync/SYNCDOWN", undefined],
    ]);
  });

  it("answers nothing for a device no longer in the account", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    await call("/api/device/release", { token: me.token, body: { id } });
    expect(await publish(identityOf(me, id), "db/syncDown", { timestamp: iso(0) })).toEqual([]);
  });
});

describe("store/set and store/get over MQTT", () => {
  it("stores the agent's text as its type and answers the bare value on store/get/<seq>", async () => {
    const me = await tenant();
    const { id } = await deviceOfProduct(me);
    const device = identityOf(me, id);
    expect(await publish(device, "store/set", { key: "temp", value: "21.5", type: "number" })).toEqual([]);
    expect(await publish(device, "store/get", { key: "temp" }, "17")).toEqual([
      { topic: "store/get/17", payload: "21.5" },
    ]);
    await publish(device, "store/set", { key: "on", value: "1", type: "boolean" });
    expect(await publish(device, "store/get", { key: "on" }, "18")).toEqual([
      { topic: "store/get/18", payload: "true" },
    ]);
    expect(await publish(device, "store/get", { key: "missing" }, "19")).toEqual([
      { topic: "store/get/19", payload: "" },
    ]);
    expect(await publish(device, "store/get", "not json", "20")).toEqual([{ topic: "store/get/20", payload: "" }]);
    expect(await outbox(id)).toEqual([]);
  });
});
