import { describe, expect, it } from "vitest";
import { call } from "./client";
import { cloudToken, deviceWithToken, owner, tenant } from "./fixtures";
import { deviceOfProduct, outbox, settingsSchema } from "./device-items";
import { snapshot } from "./samples";

async function auditTrail(token: string) {
  const audit = await call("/api/audit/find", { token, body: { action: "device.command" } });
  return audit.json.data.map((entry: { target: string }) => entry.target);
}

describe("Generic", () => {
  it("creates, reads, updates and removes items by their key fields", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    const created = await call("/api/generic/create", {
      token: me.token,
      body: { _type: "Log", deviceId: id, message: "boot", context: { level: 1 } },
    });
    expect(created.status, created.text).toBe(200);
    const log = created.json.data;
    expect(log).toMatchObject({ _type: "Log", deviceId: id, message: "boot", context: { level: 1 }, expires: null });
    expect(log.id).toMatch(/^[0-9A-Z]{26}$/);
    const updated = await call("/api/generic/update", {
      token: me.token,
      body: { _type: "Log", deviceId: id, id: log.id, message: "rebooted" },
    });
    expect(updated.json.data).toMatchObject({ id: log.id, message: "rebooted", context: { level: 1 } });
    const got = await call("/api/generic/get", { token: me.token, body: { _type: "Log", deviceId: id, id: log.id } });
    expect(got.json.data.message).toBe("rebooted");
    const found = await call("/api/generic/find", { token: me.token, body: { _type: "Log", deviceId: id } });
    expect(found.json.data.map((item: { id: string }) => item.id)).toEqual([log.id]);
    const removed = await call("/api/generic/remove", {
      token: me.token,
      body: { _type: "Log", deviceId: id, id: log.id },
    });
    expect(removed.json.data).toEqual({ _type: "Log", deviceId: id, removed: true });
    const gone = await call("/api/generic/get", { token: me.token, body: { _type: "Log", deviceId: id, id: log.id } });
    expect(gone.status).toBe(404);
  });

  it("honours exists= on create and update as Ioto does", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    const item = (value: number) => ({ _type: "Store", deviceId: id, key: "mode", value });
    const statusOf = async (verb: string, value: number, query?: string) =>
      (await call(`/api/generic/${verb}`, { token: me.token, body: item(value), query })).status;
    expect(await statusOf("update", 1)).toBe(404);
    expect(await statusOf("update", 1, "exists=false")).toBe(200);
    expect(await statusOf("create", 2)).toBe(409);
    expect(await statusOf("create", 3, "exists=null")).toBe(200);
    expect(await statusOf("create", 4, "exists=true")).toBe(200);
    expect(await statusOf("update", 5, "exists=false")).toBe(409);
    expect(await statusOf("update", 6, "exists=null")).toBe(200);
    const bad = await call("/api/generic/create", { token: me.token, body: item(7), query: "exists=perhaps" });
    expect([bad.status, bad.json.fields?.[0]?.name]).toEqual([400, "exists"]);
    const got = await call("/api/store/get", { token: me.token, body: { deviceId: id, key: "mode" } });
    expect(got.json.data.value).toBe(6);
  });

  it("lets users send reboot and update, admins any command, audits each and pushes it to the device", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    const user = await cloudToken(me, "user");
    const reboot = await call("/tok/generic/create", {
      token: user,
      body: { _type: "Command", deviceId: id, command: "reboot" },
    });
    expect(reboot.status, reboot.text).toBe(200);
    const before = await snapshot();
    const custom = { _type: "Command", deviceId: id, command: "blink", args: { times: 3 } };
    const refused = await call("/tok/generic/create", { token: user, body: custom });
    expect([refused.status, refused.json.type]).toEqual([403, "access_denied"]);
    expect(await snapshot()).toBe(before);
    const release = await call("/tok/generic/create", { token: user, body: { ...custom, command: "release" } });
    expect(release.status).toBe(403);
    const sent = await call("/api/generic/create", { token: me.token, body: custom });
    expect(sent.status, sent.text).toBe(200);
    expect(await auditTrail(me.token)).toEqual([`${id} blink`, `${id} reboot`]);
    const pushed = (await outbox(id)).map((m) => [m.topic, m.item.command, m.item.sk]);
    expect(pushed).toEqual([
      [`ioto/device/${id}/sync/UPSERT`, "reboot", `command#${me.accountId}#${id}#${reboot.json.data.id}`],
      [`ioto/device/${id}/sync/UPSERT`, "blink", `command#${me.accountId}#${id}#${sent.json.data.id}`],
    ]);
  });

  it("scopes a device token to its own items, and a device does not send itself commands", async () => {
    const me = await tenant();
    const mine = await deviceWithToken(me);
    const other = await deviceWithToken(me);
    await call("/api/generic/create", {
      token: me.token,
      body: { _type: "Command", deviceId: mine.id, command: "update" },
    });
    await call("/api/generic/create", {
      token: me.token,
      body: { _type: "Command", deviceId: other.id, command: "update" },
    });
    const listed = await call("/tok/generic/find", {
      token: mine.token,
      body: { _type: "Command", iotoVersion: "2.8" },
    });
    expect(listed.json.data.map((c: { deviceId: string }) => c.deviceId)).toEqual([mine.id]);
    const foreign = await call("/tok/generic/find", {
      token: mine.token,
      body: { _type: "Command", deviceId: other.id },
    });
    expect(foreign.status).toBe(404);
    const before = await snapshot();
    const selfCommand = await call("/tok/generic/create", {
      token: mine.token,
      body: { _type: "Command", command: "reboot" },
    });
    expect([selfCommand.status, selfCommand.json.type]).toEqual([403, "access_denied"]);
    expect(await snapshot()).toBe(before);
    const log = await call("/tok/generic/create", { token: mine.token, body: { _type: "Log", message: "hi" } });
    expect(log.json.data.deviceId).toBe(mine.id);
    expect(await outbox(mine.id)).toHaveLength(1);
  });

  it("answers 404 for another account's device and 400 for a model the device's product lacks", async () => {
    const me = await tenant();
    const stranger = await tenant();
    const { id } = await deviceWithToken(me);
    for (const verb of ["get", "create", "update", "remove", "find"]) {
      const body = { _type: "Store", deviceId: id, key: "k", value: 1 };
      const answer = await call(`/api/generic/${verb}`, { token: stranger.token, body });
      expect([answer.status, answer.json.type], verb).toEqual([404, "not_found"]);
    }
    const unknown = await call("/api/generic/create", { token: me.token, body: { _type: "Settings", deviceId: id } });
    expect([unknown.status, unknown.json.fields?.[0]?.name]).toEqual([400, "_type"]);
  });

  it("answers 400 for a _type that names a member every JavaScript object has, with or without a schema", async () => {
    const me = await tenant();
    const plain = await deviceWithToken(me);
    const withSchema = await deviceOfProduct(me, settingsSchema);
    for (const deviceId of [plain.id, withSchema.id])
      for (const _type of ["constructor", "toString", "hasOwnProperty"])
        for (const verb of ["get", "create", "update", "remove"]) {
          const answer = await call(`/api/generic/${verb}`, { token: me.token, body: { _type, deviceId, id: "x" } });
          expect([answer.status, answer.json.fields?.[0]?.name], `${verb} ${_type}`).toEqual([400, "_type"]);
        }
  });

  it("accepts the models of the product's data schema, typed as it declares them", async () => {
    const me = await tenant();
    const { id, product } = await deviceOfProduct(me, settingsSchema);
    const shown = await call("/api/product/get", { token: (await owner()).token, body: { id: product.id } });
    expect(shown.json.data.dataSchema).toEqual(settingsSchema);
    const body = { _type: "Settings", deviceId: id, name: "Den", volume: "7", power: true, colour: "ignored" };
    const created = await call("/api/generic/create", { token: me.token, body });
    expect(created.status, created.text).toBe(200);
    expect(created.json.data).toMatchObject({ _type: "Settings", name: "Den", volume: 7, power: true });
    expect(created.json.data.colour).toBeUndefined();
    const [pushed] = await outbox(id);
    expect(pushed!.item).toMatchObject({ _type: "Settings", sk: "settings#", pk: `settings#${me.accountId}#${id}` });
    const bad = await call("/api/generic/update", {
      token: me.token,
      body: { _type: "Settings", deviceId: id, volume: "loud" },
    });
    expect([bad.status, bad.json.fields?.[0]?.name]).toEqual([400, "volume"]);
    // A cloud-only model stays in the cloud.
    const note = await call("/api/generic/create", {
      token: me.token,
      body: { _type: "Notes", deviceId: id, text: "hi" },
    });
    expect(note.status, note.text).toBe(200);
    expect(await outbox(id)).toHaveLength(1);
  });

  it("refuses a data schema that is malformed or cannot name its items, and changes nothing", async () => {
    const boss = await owner();
    const { product } = await deviceOfProduct(await tenant());
    for (const dataSchema of [
      { models: { Thing: { sk: { type: "string", value: "t#${serial}" }, name: { type: "string" } } } },
      { models: { Thing: { name: { type: "string" } } } },
      { process: { Ghost: { sync: "up" } }, models: {} },
      { process: { Thing: { sync: "sideways" } }, models: { Thing: { id: { type: "string" } } } },
      { models: { Thing: { id: { type: "blob" } } } },
    ]) {
      const before = await snapshot();
      const answer = await call("/api/product/update", { token: boss.token, body: { id: product.id, dataSchema } });
      expect([answer.status, answer.json.type], JSON.stringify(dataSchema)).toEqual([400, "validation_error"]);
      expect(await snapshot()).toBe(before);
    }
    const cleared = await call("/api/product/update", {
      token: boss.token,
      body: { id: product.id, dataSchema: null },
    });
    expect(cleared.json.data.dataSchema).toBeNull();
  });
});
