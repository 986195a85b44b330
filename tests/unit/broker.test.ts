import mqttPacket from "mqtt-packet";
import { describe, expect, it } from "vitest";
import { DeliveryQueue } from "../../lib/broker/embedded/delivery-queue";
import { publishPacketSize } from "../../lib/broker/embedded/broker";
import { IncomingPacketGuard, PacketSplitter, packetSize } from "../../lib/broker/embedded/packet-framing";
import { MessageRate, RefusalThrottle } from "../../lib/broker/embedded/throttles";
import { maySubscribe, operationOf } from "../../lib/broker/embedded/topics";
import { findDeviceOp } from "../../lib/device-ops/router";

const publish = (topic: string, payload: Buffer) =>
  mqttPacket.generate({ cmd: "publish", topic, payload, qos: 1, messageId: 7, retain: false, dup: false });

describe("MQTT packet framing", () => {
  it("reads the remaining length of 1 to 4 bytes and waits for an incomplete header", () => {
    for (const bytes of [0, 100, 200, 5000, 20_000, 3_000_000]) {
      const packet = publish("t", Buffer.alloc(bytes));
      expect(packetSize(packet)).toBe(packet.length);
      expect(publishPacketSize("t", Buffer.alloc(bytes))).toBe(packet.length);
    }
    expect(packetSize(Buffer.from([0x30]))).toBeUndefined();
    expect(packetSize(Buffer.from([0x30, 0x80, 0x80]))).toBeUndefined();
    expect(() => packetSize(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]))).toThrow();
  });

  it("hands back whole packets however the bytes are cut", () => {
    const packets = [publish("a/b", Buffer.from("one")), publish("c", Buffer.alloc(300)), Buffer.from([0xd0, 0])];
    const stream = Buffer.concat(packets);
    for (const cut of [1, 2, 3, 7, 100, stream.length]) {
      const splitter = new PacketSplitter();
      const out: Buffer[] = [];
      for (let i = 0; i < stream.length; i += cut) out.push(...splitter.push(stream.subarray(i, i + cut)));
      expect(out.map((p) => p.toString("hex"))).toEqual(packets.map((p) => p.toString("hex")));
    }
  });

  it("refuses an incoming packet over the limit from its header, before its body", () => {
    const guard = new IncomingPacketGuard(1024);
    expect(guard.accepts(Buffer.concat([publish("x", Buffer.alloc(900)), publish("y", Buffer.alloc(10))]))).toBe(true);
    const big = publish("x", Buffer.alloc(2000));
    expect(new IncomingPacketGuard(1024).accepts(big.subarray(0, 3))).toBe(false);
  });
});

describe("topic ACL", () => {
  const device = { deviceId: "DEV1", accountId: "ACC1", serial: "01" };
  it.each([
    ["ioto/device/DEV1/#", true],
    ["ioto/device/DEV1/metric/get/+", true],
    ["ioto/device/DEV1", true],
    ["ioto/account/all/#", true],
    ["ioto/account/ACC1/#", true],
    ["ioto/device/DEV2/#", false],
    ["ioto/device/DEV1X/#", false],
    ["ioto/device/+/#", false],
    ["ioto/account/ACC2/#", false],
    ["#", false],
    ["ioto/service/DEV1/#", false],
  ])("subscribing to %s: %s", (filter, allowed) => expect(maySubscribe(device, filter)).toBe(allowed));

  it.each([
    ["ioto/service/DEV1/metric/set", "metric/set"],
    ["$aws/rules/IotoDevice/ioto/service/DEV1/metric/set", "metric/set"],
    ["ioto/service/DEV1/metric/get/17", "metric/get/17"],
    ["ioto/service/DEV1/", null],
    ["ioto/service/DEV2/metric/set", null],
    ["$aws/rules/IotoDevice/ioto/service/DEV2/metric/set", null],
    ["$aws/rules/Other/ioto/service/DEV1/metric/set", null],
    ["ioto/device/DEV1/metric/set", null],
  ])("publishing on %s asks for %s", (topic, op) => expect(operationOf("DEV1", topic)).toBe(op));
});

describe("delivery queue", () => {
  it("publishes the next message only after the previous one's acknowledgement, in order", async () => {
    const written: string[] = [];
    const queue = new DeliveryQueue(
      (topic) => written.push(topic),
      () => {},
    );
    const delivered = ["a", "b", "c"].map((topic) => queue.enqueue(topic, Buffer.alloc(0)));
    expect(written).toEqual(["a"]);
    queue.acknowledged();
    expect(written).toEqual(["a", "b"]);
    queue.acknowledged();
    queue.acknowledged();
    expect(written).toEqual(["a", "b", "c"]);
    expect(await Promise.all(delivered)).toEqual([true, true, true]);
  });

  it("settles what was not acknowledged as not delivered when the connection goes", async () => {
    const queue = new DeliveryQueue(
      () => {},
      () => {},
    );
    const delivered = [queue.enqueue("a", Buffer.alloc(0)), queue.enqueue("b", Buffer.alloc(0))];
    queue.close();
    expect(await Promise.all(delivered)).toEqual([false, false]);
    expect(await queue.enqueue("c", Buffer.alloc(0))).toBe(false);
  });

  it("refuses messages beyond its bound and cuts off a device that does not acknowledge", async () => {
    let timedOut = false;
    const queue = new DeliveryQueue(
      () => {},
      () => (timedOut = true),
      { maxWaiting: 1, ackTimeoutMs: 1 },
    );
    void queue.enqueue("a", Buffer.alloc(0));
    void queue.enqueue("b", Buffer.alloc(0));
    expect(await queue.enqueue("c", Buffer.alloc(0))).toBe(false);
    await expect.poll(() => timedOut).toBe(true);
  });
});

describe("throttles", () => {
  it("blocks a key after its limit of refusals until the window has passed", () => {
    const throttle = new RefusalThrottle({ limit: 3, windowMs: 1000, maxEntries: 10 });
    for (let i = 0; i < 2; i++) throttle.refused("a", 0);
    expect(throttle.blocked("a", 10)).toBe(false);
    throttle.refused("a", 20);
    expect(throttle.blocked("a", 30)).toBe(true);
    expect(throttle.blocked("b", 30)).toBe(false);
    expect(throttle.blocked("a", 1000)).toBe(false);
  });

  it("throttles the first excess publish of a second, drops the rest, and closes a device over it for ten seconds", () => {
    const rate = new MessageRate(2, 10);
    expect([0, 1, 2, 3].map(() => rate.hit(500))).toEqual(["accept", "accept", "throttle", "drop"]);
    expect(rate.hit(1500)).toBe("accept");
    const verdicts = Array.from({ length: 9 }, (_, second) => [0, 1, 2].map(() => rate.hit(2000 + second * 1000))[2]);
    expect(verdicts.slice(0, 8).every((verdict) => verdict === "throttle")).toBe(true);
    expect(verdicts[8]).toBe("close");
    expect(new MessageRate(0).hit(0)).toBe("accept");
  });
});

describe("device operations", () => {
  it("are found by their longest prefix; the rest is the request's sequence", () => {
    expect(findDeviceOp("metric/get/17")?.rest).toBe("17");
    expect(findDeviceOp("metric/set")?.rest).toBe("");
    expect(findDeviceOp("metric")).toBeNull();
    expect(findDeviceOp("constructor")).toBeNull();
    expect(findDeviceOp("nothing/here")).toBeNull();
    const none = async () => [];
    const nested = { db: none, "db/syncDown": none };
    expect(findDeviceOp("db/syncDown/4", nested)?.rest).toBe("4");
    expect(findDeviceOp("db/other", nested)?.rest).toBe("other");
  });
});
