import { describe, expect, it } from "vitest";
import { call } from "../client";
import { deviceWithToken, tenant, type Session } from "../fixtures";

// metric/set: what is stored, who may write what, and that a refused batch stores nothing.

const HOUR = 3_600_000;

async function fetchOne(session: Session, item: Record<string, unknown>) {
  const answer = await call("/api/metric/fetch", { token: session.token, body: { items: [item] } });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data[0];
}

const countOf = async (session: Session, metric: string, dimensions: Record<string, string> = {}) =>
  (await fetchOne(session, { metric, dimensions, range: 86_400, accumulate: true })).summary.count;

describe("metric/set", () => {
  it("stores one point, as an admin, under the account-wide series by default", async () => {
    const me = await tenant();
    const answer = await call("/api/metric/set", { token: me.token, body: { metric: "temp", value: 21.5 } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.data).toEqual({ stored: 1, duplicate: false });
    const series = await fetchOne(me, { metric: "temp", range: 3600, statistic: "current", accumulate: true });
    expect(series.points).toHaveLength(1);
    expect(series.points[0].value).toBe(21.5);
    expect(series.namespace).toBe("Embedthis/Device");
  });

  it("updates several dimension sets with one point", async () => {
    const me = await tenant();
    const dimensions: Array<Record<string, string>> = [{}, { Device: "D1" }, { Device: "D1", Sensor: "s" }];
    const answer = await call("/api/metric/set", { token: me.token, body: { metric: "m", value: 3, dimensions } });
    expect(answer.status, answer.text).toBe(200);
    for (const set of dimensions) expect(await countOf(me, "m", set)).toBe(1);
    const list = await call("/api/metric/getMetricList", { token: me.token, body: { metric: "m" } });
    expect(list.json.data.dimensions).toEqual(
      [{ Device: "D1" }, { Device: "D1", Sensor: "s" }, {}].sort((a, b) =>
        JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
      ),
    );
  });

  it("stores a batch of 10,000 points in one request", async () => {
    const me = await tenant();
    const now = Date.now();
    const points = Array.from({ length: 10_000 }, (_, i) => ({ metric: "big", value: i, timestamp: now - i * 1000 }));
    const answer = await call("/api/metric/set", { token: me.token, body: { points } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.data.stored).toBe(10_000);
    const summary = (await fetchOne(me, { metric: "big", range: 86_400, accumulate: true })).summary;
    expect(summary).toMatchObject({ count: 10_000, min: 0, max: 9_999, sum: (9_999 * 10_000) / 2, last: 0 });
  });

  it("stores a batch sent twice with one Idempotency-Key once", async () => {
    const me = await tenant();
    const body = {
      points: [
        { metric: "once", value: 1 },
        { metric: "once", value: 2 },
      ],
    };
    const headers = { "idempotency-key": "batch-0001" };
    const first = await call("/api/metric/set", { token: me.token, body, headers });
    const retry = await call("/api/metric/set", { token: me.token, body, headers });
    expect(first.json.data).toEqual({ stored: 2, duplicate: false });
    expect(retry.json.data).toEqual({ stored: 0, duplicate: true });
    expect(await countOf(me, "once")).toBe(2);
    // The key is the caller's own: another account's, or another device's, batch with it is its own batch.
    const other = await tenant();
    expect((await call("/api/metric/set", { token: other.token, body, headers })).json.data.stored).toBe(2);
    for (const device of [await deviceWithToken(me), await deviceWithToken(me)]) {
      const sent = await call("/tok/metric/set", { token: device.token, body: { metric: "dev", value: 1 }, headers });
      expect(sent.json.data, device.id).toEqual({ stored: 1, duplicate: false });
    }
  });

  it("refuses a batch with one bad point and stores nothing of it", async () => {
    const me = await tenant();
    const now = Date.now();
    const cases = [
      { bad: { metric: "b", value: 1, timestamp: now + 2 * HOUR }, field: "points.1.timestamp" },
      { bad: { metric: "b", value: 1, timestamp: now - 31 * 24 * HOUR }, field: "points.1.timestamp" },
      { bad: { metric: "b", value: "hot" }, field: "points.1.value" },
    ];
    for (const { bad, field } of cases) {
      const body = { points: [{ metric: "b", value: 1 }, bad, { metric: "b", value: 2 }] };
      const answer = await call("/api/metric/set", { token: me.token, body });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.json.fields.map((f: { name: string }) => f.name)).toContain(field);
    }
    // A number too large for a double parses as Infinity: not finite, refused.
    const raw = `{"points":[{"metric":"b","value":1},{"metric":"b","value":1e999}]}`;
    const infinite = await call("/api/metric/set", { token: me.token, raw });
    expect(infinite.status, infinite.text).toBe(400);
    expect(infinite.json.fields[0].name).toBe("points.1.value");
    // A value whose sums could overflow a double.
    const huge = await call("/api/metric/set", {
      token: me.token,
      body: {
        points: [
          { metric: "b", value: 1 },
          { metric: "b", value: 1e308 },
        ],
      },
    });
    expect([huge.status, huge.json.fields[0].name]).toEqual([400, "points.1.value"]);
    // A dimension named __proto__ would vanish from the set built from it, merging its point into another series.
    const protoRaw = `{"points":[{"metric":"b","value":1},{"metric":"b","value":1,"dimensions":[{"__proto__":"x","a":"1"}]}]}`;
    const proto = await call("/api/metric/set", { token: me.token, raw: protoRaw });
    expect([proto.status, proto.json.type]).toEqual([400, "bad_request"]);
    expect(await countOf(me, "b")).toBe(0);
  });

  it("lets a device write only its own series, and counts it as seen", async () => {
    const me = await tenant();
    const mine = await deviceWithToken(me);
    const other = await deviceWithToken(me);
    const own = await call("/tok/metric/set", {
      token: mine.token,
      body: { metric: "t", value: 1, dimensions: [{ Device: "${deviceId}" }, {}], buffer: { elapsed: 60 } },
    });
    expect(own.status, own.text).toBe(200);
    expect(await countOf(me, "t", { Device: mine.id })).toBe(1);
    // With no dimensions, a device writes its own series.
    expect((await call("/tok/metric/set", { token: mine.token, body: { metric: "u", value: 1 } })).status).toBe(200);
    expect(await countOf(me, "u", { Device: mine.id })).toBe(1);

    const foreign = await call("/tok/metric/set", {
      token: mine.token,
      body: {
        points: [
          { metric: "t", value: 1, dimensions: [{ Device: mine.id }] },
          { metric: "t", value: 9, dimensions: [{ Device: other.id }] },
        ],
      },
    });
    expect(foreign.status, foreign.text).toBe(403);
    expect(await countOf(me, "t", { Device: other.id })).toBe(0);
    expect(await countOf(me, "t", { Device: mine.id })).toBe(1);

    const device = await call("/api/device/get", { token: me.token, body: { id: mine.id } });
    expect(device.json.data.accessed).not.toBeNull();
    const latest = await call("/api/metric/latest", { token: me.token, body: { deviceId: mine.id } });
    expect(latest.json.data.map((s: { metric: string }) => s.metric)).toEqual(["t", "u"]);
  });

  it("stores concurrent batches that name the same series in opposite orders (no deadlock)", async () => {
    const me = await tenant();
    const names = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const batch = (order: string[]) => ({
      points: order.map((name, i) => ({ metric: "order", value: i, dimensions: [{ S: name }] })),
    });
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, k) =>
          call("/api/metric/set", { token: me.token, body: batch(k % 2 ? [...names].reverse() : names) }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    }
    expect(await countOf(me, "order", { S: "s7" })).toBe(80);
  });

  it("keeps each account's series to itself", async () => {
    const me = await tenant();
    const other = await tenant();
    await call("/api/metric/set", { token: me.token, body: { metric: "secret", value: 42 } });
    expect(await countOf(other, "secret")).toBe(0);
    const list = await call("/api/metric/getMetricList", { token: other.token, body: {} });
    expect(list.json.data).toEqual({ namespaces: [], metrics: [], dimensions: [] });
  });
});
