import { describe, expect, it } from "vitest";
import { call } from "./client";
import { cloudToken, deviceWithToken, tenant } from "./fixtures";
import { outbox, storedItems } from "./device-items";
import { snapshot } from "./samples";

describe("Store", () => {
  it("keeps each value as its type, from a person or from the agent's text", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    const cases: Array<[unknown, string | undefined, unknown, string]> = [
      [21.5, undefined, 21.5, "number"],
      ["21.5", "number", 21.5, "number"],
      ["1", "boolean", true, "boolean"],
      [false, undefined, false, "boolean"],
      ['{"mode":"eco"}', "object", { mode: "eco" }, "object"],
      [[1, 2], undefined, [1, 2], "object"],
      ["hello", undefined, "hello", "string"],
      [42, "string", "42", "string"],
    ];
    for (const [value, type, typed, kind] of cases) {
      const set = await call("/api/store/set", { token: me.token, body: { deviceId: id, key: "k", value, type } });
      expect(set.status, set.text).toBe(200);
      const got = await call("/api/store/get", { token: me.token, body: { deviceId: id, key: "k" } });
      expect(got.json.data, JSON.stringify(value)).toMatchObject({ deviceId: id, key: "k", value: typed, type: kind });
    }
  });

  it("refuses a value that does not read as its type, and changes nothing", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    for (const [value, type] of [
      ["warm", "number"],
      ["maybe", "boolean"],
      ["{not json", "object"],
      [{ a: 1 }, "string"],
    ]) {
      const before = await snapshot();
      const answer = await call("/api/store/set", { token: me.token, body: { deviceId: id, key: "k", value, type } });
      expect([answer.status, answer.json.type], answer.text).toEqual([400, "validation_error"]);
      expect(await snapshot()).toBe(before);
    }
  });

  it("pushes a value set in the cloud down to the device, and its removal", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    await call("/api/store/set", { token: me.token, body: { deviceId: id, key: "setpoint", value: 19 } });
    await call("/api/store/remove", { token: me.token, body: { deviceId: id, key: "setpoint" } });
    const messages = await outbox(id, { withSyncDown: true });
    expect(messages.map((m) => m.topic)).toEqual([
      `ioto/device/${id}/sync/UPSERT`,
      `ioto/device/${id}/sync/SYNCDOWN`,
      `ioto/device/${id}/sync/REMOVE`,
    ]);
    // The device counts itself synced up to the pushed item: its next connect does not ask for it again.
    expect(messages[1]!.item).toEqual({ updated: messages[0]!.item.updated });
    expect(messages[0]!.item).toMatchObject({
      _type: "Store",
      sk: "s#setpoint",
      pk: `s#${me.accountId}#${id}`,
      key: "setpoint",
      value: 19,
      type: "number",
      deviceId: id,
    });
    expect(messages[2]!.item).toMatchObject({ _type: "Store", sk: "s#setpoint", key: "setpoint" });
  });

  it("refuses a cloud-side value too large to reach the device", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    const before = await snapshot();
    const answer = await call("/api/store/set", {
      token: me.token,
      body: { deviceId: id, key: "big", value: "x".repeat(5000) },
    });
    expect([answer.status, answer.json.type], answer.text).toEqual([400, "validation_error"]);
    expect(answer.json.message).toMatch(/too large to reach the device/);
    expect(await snapshot()).toBe(before);
  });

  it("lets a device token read and write only its own device's values, and pushes nothing back", async () => {
    const me = await tenant();
    const mine = await deviceWithToken(me);
    const other = await deviceWithToken(me);
    const set = await call("/tok/store/set", {
      token: mine.token,
      // The agent sends its configuration along; unknown fields are ignored.
      body: { key: "temp", value: "21.5", type: "number", iotoVersion: "2.8", account: "" },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.json.data).toMatchObject({ deviceId: mine.id, value: 21.5 });
    expect(await outbox(mine.id)).toEqual([]);
    await call("/api/store/set", { token: me.token, body: { deviceId: other.id, key: "temp", value: 5 } });
    // Another device of the same account is as absent to a device token as one of another account.
    for (const path of ["/tok/store/get", "/tok/store/remove"]) {
      const foreign = await call(path, { token: mine.token, body: { deviceId: other.id, key: "temp" } });
      expect([foreign.status, foreign.json.type], path).toEqual([404, "not_found"]);
    }
    const listed = await call("/tok/store/find", { token: mine.token });
    expect(listed.json.data.map((v: { deviceId: string }) => v.deviceId)).toEqual([mine.id]);
    const removed = await call("/tok/store/remove", { token: mine.token, body: { key: "temp" } });
    expect(removed.json.data).toEqual({ deviceId: mine.id, key: "temp", removed: true });
  });

  it("lists a device's values in pages, and viewers read but do not write", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    for (const key of ["a", "b", "c"])
      await call("/api/store/set", { token: me.token, body: { deviceId: id, key, value: key } });
    const first = await call("/api/store/find", { token: me.token, body: { deviceId: id }, query: "limit=2&sort=key" });
    expect(first.json.data.map((v: { key: string }) => v.key)).toEqual(["a", "b"]);
    const rest = await call("/api/store/find", {
      token: me.token,
      body: { deviceId: id },
      query: `limit=2&sort=key&next=${first.json.next}`,
    });
    expect(rest.json.data.map((v: { key: string }) => v.key)).toEqual(["c"]);
    const viewer = await cloudToken(me, "viewer");
    const read = await call("/tok/store/get", { token: viewer, body: { deviceId: id, key: "a" } });
    expect(read.json.data?.value, read.text).toBe("a");
    const write = await call("/tok/store/set", { token: viewer, body: { deviceId: id, key: "a", value: 1 } });
    expect([write.status, write.json.type]).toEqual([403, "access_denied"]);
  });

  it("answers 404 for another account's device, and a released device's values stay with the old account", async () => {
    const me = await tenant();
    const stranger = await tenant();
    const { id } = await deviceWithToken(me);
    await call("/api/store/set", { token: me.token, body: { deviceId: id, key: "k", value: 1 } });
    for (const [path, body] of [
      ["/api/store/get", { deviceId: id, key: "k" }],
      ["/api/store/set", { deviceId: id, key: "k", value: 2 }],
      ["/api/store/remove", { deviceId: id, key: "k" }],
    ] as const) {
      const answer = await call(path, { token: stranger.token, body });
      expect([answer.status, answer.json.type], path).toEqual([404, "not_found"]);
    }
    const find = await call("/api/store/find", { token: stranger.token, body: { deviceId: id } });
    expect(find.status).toBe(404);
    await call("/api/device/release", { token: me.token, body: { id } });
    const gone = await call("/api/store/get", { token: me.token, body: { deviceId: id, key: "k" } });
    expect(gone.status).toBe(404);
    expect((await storedItems(id)).map((item) => item.accountId)).toEqual([me.accountId]);
    const kept = await call("/api/store/find", { token: me.token });
    expect(kept.json.data.map((v: { deviceId: string }) => v.deviceId)).toEqual([id]);
  });
});
