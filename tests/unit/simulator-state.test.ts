import { describe, expect, it } from "vitest";
import { DEVICE_METRICS, reading } from "../../lib/demo/signals";
import { DeviceDatabase, EPOCH, RESEND_MS } from "../../scripts/simulator/device-db";
import { storeItem } from "../../scripts/simulator/protocol";
import { pastReadings, readingsOf } from "../../scripts/simulator/readings";
import { SendThrottle, throttleOrder } from "../../scripts/simulator/throttle";

// The simulated device's state that sync and throttle keep, without a broker.

const owner = { accountId: "01JACCOUNT", deviceId: "0A1B2C3D4E" };
const T0 = Date.parse("2026-11-01T10:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("the simulated device's database", () => {
  it("sends a change under a seq, resends it unacknowledged after five seconds, clears it on sync/SYNC", () => {
    const db = new DeviceDatabase();
    db.write(storeItem(owner, "mode", "eco", iso(T0)), T0);
    const first = db.takeDue(T0)!;
    expect(first.changes.map((change) => change.key)).toEqual(["s#mode"]);
    expect(db.takeDue(T0 + RESEND_MS - 1)).toBeUndefined();
    const again = db.takeDue(T0 + RESEND_MS)!;
    expect(again.seq).not.toBe(first.seq);
    // The first send's acknowledgement no longer clears it: the change went out again since.
    expect(db.acknowledge({ seq: first.seq, keys: ["s#mode"], updated: iso(T0 + 1) })).toBe(0);
    expect(db.lastSync).toBe(EPOCH);
    expect(db.acknowledge({ seq: again.seq, keys: ["s#mode"], updated: iso(T0 + 2) })).toBe(1);
    expect(db.settled(again.seq)).toBe(true);
    expect(db.nextDue()).toBeUndefined();
    expect(db.lastSync).toBe(iso(T0 + 2));
  });

  it("applies items from the cloud without syncing them back, keyed by sk or by their model", () => {
    const db = new DeviceDatabase();
    const command = { _type: "Command", ...owner, id: "C1", command: "reboot", updated: iso(T0) };
    const applied = db.applyFromCloud("UPSERT", command, T0);
    expect(applied).toMatchObject({
      outcome: "applied",
      removed: false,
      item: { sk: "command#01JACCOUNT#0A1B2C3D4E#C1" },
    });
    expect(db.nextDue()).toBeUndefined();
    expect(db.applyFromCloud("REMOVE", { ...command, updated: iso(T0 + 1) }, T0)).toMatchObject({ removed: true });
    expect(db.get("command#01JACCOUNT#0A1B2C3D4E#C1")).toBeUndefined();
    expect(db.applyFromCloud("UPSERT", { command: "reboot" }, T0)).toMatchObject({ outcome: "invalid" });
    expect(db.applyFromCloud("BOGUS", command, T0)).toMatchObject({ outcome: "invalid" });
  });

  it("answers an item older than its own copy by sending its copy back up (last writer wins)", () => {
    const db = new DeviceDatabase();
    const mine = storeItem(owner, "mode", "eco", iso(T0 + 10));
    db.write(mine, T0);
    db.acknowledge({ seq: db.takeDue(T0)!.seq, keys: ["s#mode"] });
    const older = storeItem(owner, "mode", "boost", iso(T0));
    expect(db.applyFromCloud("UPSERT", older, T0 + 20)).toEqual({ outcome: "stale", item: mine });
    expect(db.get("s#mode")!.value).toBe("eco");
    expect(db.takeDue(T0 + 20)!.changes).toEqual([{ cmd: "update", key: "s#mode", item: mine }]);
    const newer = storeItem(owner, "mode", "boost", iso(T0 + 30));
    expect(db.applyFromCloud("UPSERT", newer, T0 + 40)).toMatchObject({ outcome: "applied" });
    expect(db.get("s#mode")!.value).toBe("boost");
  });

  it("moves lastSync forward only, with sync/SYNCDOWN", () => {
    const db = new DeviceDatabase();
    db.syncedDown(iso(T0));
    db.syncedDown(iso(T0 - 1000));
    db.syncedDown(undefined);
    expect(db.lastSync).toBe(iso(T0));
  });

  it("sees each version of a command once", () => {
    const db = new DeviceDatabase();
    const item = { _type: "Command", sk: "command#a#d#C1", updated: iso(T0) };
    expect(db.firstSight(item)).toBe(true);
    expect(db.firstSight(item)).toBe(false);
    expect(db.firstSight({ ...item, updated: iso(T0 + 1) })).toBe(true);
  });
});

describe("mqtt/throttle", () => {
  it("closes, slows, or ignores a stale or unreadable message", () => {
    expect(throttleOrder(JSON.stringify({ timestamp: T0, close: true }), T0 + 1000)).toEqual({ kind: "close" });
    expect(throttleOrder(JSON.stringify({ timestamp: T0 }), T0 + 1000)).toEqual({ kind: "slow" });
    expect(throttleOrder(JSON.stringify({ timestamp: T0 - 31_000 }), T0)).toMatchObject({ kind: "ignore" });
    expect(throttleOrder("{not json", T0)).toMatchObject({ kind: "ignore" });
    expect(throttleOrder("{}", T0)).toMatchObject({ kind: "ignore" });
  });

  it("delays publishes by 2 s, doubling per throttle up to 30 s, and wears off as the device sends", () => {
    const throttle = new SendThrottle();
    expect(throttle.beforePublish(T0)).toBe(0);
    throttle.raise(T0);
    expect(throttle.delay).toBe(2000);
    throttle.raise(T0);
    throttle.raise(T0);
    expect(throttle.delay).toBe(8000);
    for (let i = 0; i < 5; i++) throttle.raise(T0);
    expect(throttle.delay).toBe(30_000);
    // A publish 60 s later waits the whole delay, which then drops by 60/400 of itself and 120 ms.
    expect(throttle.beforePublish(T0 + 60_000)).toBe(30_000);
    expect(throttle.delay).toBe(30_000 - 4500 - 120);
  });
});

describe("what a simulated device reads", () => {
  const ID = "0A1B2C3D4E";

  it("is the demo's signal unless told to run hot, then every temperature is that value", () => {
    const normal = readingsOf(ID);
    const hot = readingsOf(ID, { temperature: 35 });
    expect(normal("temperature", 1_000_000)).toBe(reading(ID, "temperature", 1_000_000));
    expect(hot("temperature", 1_000_000)).toBe(35);
    expect(hot("cpu", 1_000_000)).toBe(reading(ID, "cpu", 1_000_000));
  });

  it("backfills one round of every metric per interval over the span, ending an interval before now", () => {
    const points = pastReadings(readingsOf(ID, { temperature: 35 }), 100_000, 3000, 1000);
    expect(points.map((point) => point.timestamp)).toEqual(
      [97_000, 98_000, 99_000].flatMap((time) => DEVICE_METRICS.map(() => time)),
    );
    expect(points.filter((point) => point.metric === "temperature").map((point) => point.value)).toEqual([35, 35, 35]);
  });
});
