import { describe, expect, it } from "vitest";
import { call, ORIGIN } from "./client";
import { claimedDevice, cloudToken, owner, product, registeredDevice, tenant } from "./fixtures";

describe("device lifecycle", () => {
  it("registers, is claimed by its label ID, lists, and returns to the pool on release", async () => {
    const me = await tenant();
    const { token: productToken } = await product();
    const id = "ABCDE12345";
    const agentConfig = {
      id,
      product: productToken,
      name: "Kitchen",
      model: "TH-1",
      created: 0,
      iotoVersion: "2.8",
      account: "",
      cloud: "",
    };
    const waiting = await call("/builder/device/register", { token: productToken, body: agentConfig, accept: "*/*" });
    expect(waiting.status).toBe(200);
    expect(waiting.json).toEqual({ registered: true });

    const claimed = await call("/api/device/claim", { token: me.token, body: { id: "  abcde-12345 " } });
    expect(claimed.status, claimed.text).toBe(200);
    expect(claimed.json.data).toMatchObject({ id, accountId: me.accountId, state: "claimed", name: "Kitchen" });

    const answer = await call("/builder/device/register", { token: productToken, body: agentConfig });
    expect(answer.json).toMatchObject({
      registered: true,
      id,
      api: ORIGIN,
      accountId: me.accountId,
      cloudType: "hosted",
    });
    expect(answer.json.token).toMatch(/^fpd_/);

    const listed = await call("/api/device/find", { token: me.token, query: "include=total_count" });
    expect(listed.json).toMatchObject({ paged: true, total_count: 1, next: null, prev: null });
    expect(listed.json.data.map((d: { id: string }) => d.id)).toEqual([id]);

    const api = await cloudToken(me);
    const viaTok = await call("/tok/device/get", { token: api, body: { id } });
    expect(viaTok.json.data.id).toBe(id);

    const released = await call("/tok/device/release", { token: api, body: { id } });
    expect(released.json.data).toMatchObject({ id, accountId: null, state: "registered" });
    // The device token died with the release: the agent hears the phrase it re-registers on.
    const dead = await call("/tok/device/get", { token: answer.json.token, body: { id }, accept: "*/*" });
    expect([dead.status, dead.text]).toEqual([401, "Authentication failed"]);
    expect((await call("/builder/device/register", { token: productToken, body: { id } })).json).toEqual({
      registered: true,
    });
    expect((await call("/api/device/get", { token: me.token, body: { id } })).status).toBe(404);
  });

  it("answers the agent's phrases: unknown device, and a device another account holds", async () => {
    const [first, second] = [await tenant(), await tenant()];
    const unknown = await call("/api/device/claim", { token: first.token, body: { id: "NOPE000000" }, accept: "*/*" });
    expect([unknown.status, unknown.text, unknown.headers.get("content-type")]).toEqual([
      404,
      "Cannot find device",
      "text/plain; charset=utf-8",
    ]);
    const id = await claimedDevice(first);
    const taken = await call("/api/device/claim", { token: second.token, body: { id } });
    expect([taken.status, taken.json.type]).toEqual([409, "conflict"]);
    const again = await call("/api/device/claim", { token: first.token, body: { id } });
    expect(again.status).toBe(200);
  });

  it("lets exactly one of 20 concurrent claims win", async () => {
    const id = await registeredDevice();
    const tenants = await Promise.all(Array.from({ length: 20 }, () => tenant()));
    const answers = await Promise.all(tenants.map((t) => call("/api/device/claim", { token: t.token, body: { id } })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
  });

  it("enforces the device limit, except for test devices", async () => {
    const me = await tenant();
    const boss = await owner();
    const limited = await call("/api/account/update", {
      token: boss.token,
      body: { accountId: me.accountId, deviceLimit: 1 },
    });
    expect(limited.status, limited.text).toBe(200);
    await claimedDevice(me);
    const over = await call("/api/device/claim", { token: me.token, body: { id: await registeredDevice() } });
    expect([over.status, over.json.type]).toEqual([403, "account_limit_exceeded"]);
    const testDevice = await call("/api/device/claim", {
      token: me.token,
      body: { id: await registeredDevice(), test: true },
    });
    expect([testDevice.status, testDevice.json.data?.test]).toEqual([200, true]);
    const notOwner = await call("/api/account/update", { token: me.token, body: { deviceLimit: 100 } });
    expect(notOwner.status).toBe(403);
  });

  it("renames a device, pages through cursors and filters with Izuma operators", async () => {
    const me = await tenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await claimedDevice(me));
    const renamed = await call("/api/device/update", { token: me.token, body: { id: ids[0], name: "Boiler room" } });
    expect(renamed.json.data.name).toBe("Boiler room");

    const seen: string[] = [];
    let page = await call("/api/device/find", { token: me.token, query: "limit=2" });
    seen.push(...page.json.data.map((d: { id: string }) => d.id));
    while (page.json.next) {
      page = await call("/api/device/find", { token: me.token, query: `limit=2&next=${page.json.next}` });
      seen.push(...page.json.data.map((d: { id: string }) => d.id));
    }
    expect(seen).toEqual(ids);
    const back = await call("/api/device/find", { token: me.token, query: `limit=2&prev=${page.json.prev}` });
    expect(back.json.data.map((d: { id: string }) => d.id)).toEqual(ids.slice(2, 4));

    const filtered = await call("/api/device/find", { token: me.token, body: { id__in: [ids[1], ids[3]] } });
    expect(filtered.json.data.map((d: { id: string }) => d.id)).toEqual([ids[1], ids[3]]);
    const excluded = await call("/api/device/find", {
      token: me.token,
      body: { id__nin: [ids[0]], created__gte: "20000101T000000Z" },
    });
    expect(excluded.json.data).toHaveLength(4);
    const text = await call("/api/device/find", { token: me.token, query: "filter=boiler" });
    expect(text.json.data.map((d: { id: string }) => d.id)).toEqual([ids[0]]);
  });
});

describe("sorting a device list", () => {
  const idsOf = (page: { json: { data: Array<{ id: string }> } }) => page.json.data.map((d) => d.id);

  async function pageAll(token: string, query: string): Promise<string[]> {
    let page = await call("/api/device/find", { token, query: `limit=2&${query}` });
    const seen = idsOf(page);
    while (page.json.next) {
      page = await call("/api/device/find", { token, query: `limit=2&${query}&next=${page.json.next}` });
      seen.push(...idsOf(page));
    }
    return seen;
  }

  it("pages by any sortable column in both orders, and refuses others", async () => {
    const me = await tenant();
    const ids: string[] = [];
    for (const name of ["delta", "alpha", "echo", "charlie", "bravo"]) {
      const id = await claimedDevice(me);
      await call("/api/device/update", { token: me.token, body: { id, name } });
      ids.push(id);
    }
    const byName = [ids[1], ids[4], ids[3], ids[0], ids[2]];
    expect(await pageAll(me.token, "sort=name")).toEqual(byName);
    expect(await pageAll(me.token, "sort=name&order=DESC")).toEqual([...byName].reverse());
    const second = await call("/api/device/find", { token: me.token, query: "limit=2&sort=name" });
    const third = await call("/api/device/find", { token: me.token, query: `limit=2&next=${second.json.next}` });
    const back = await call("/api/device/find", { token: me.token, query: `limit=2&prev=${third.json.prev}` });
    expect(idsOf(back)).toEqual(byName.slice(0, 2));
    // Empty "last seen" values sort first and still page without loss or repeats.
    expect((await pageAll(me.token, "sort=accessed&order=DESC")).sort()).toEqual([...ids].sort());

    const unknown = await call("/api/device/find", { token: me.token, query: "sort=productId" });
    expect([unknown.status, unknown.json.type]).toEqual([400, "validation_error"]);
    const crossed = await call("/api/device/find", { token: me.token, query: `sort=id&next=${second.json.next}` });
    expect(crossed.status).toBe(400);
  });
});

describe("closing an account", () => {
  it("returns its devices to the pool, removes its people and tokens, and keeps the owner's account", async () => {
    const me = await tenant();
    const id = await claimedDevice(me);
    const api = await cloudToken(me);
    const closed = await call("/api/account/close", { token: me.token, body: {} });
    expect(closed.json.data).toEqual({ id: me.accountId, closed: true });
    expect((await call("/tok/device/find", { token: api })).status).toBe(401);
    const other = await tenant();
    expect((await call("/api/device/claim", { token: other.token, body: { id } })).json.data.name).toBe("");
    const boss = await owner();
    const refused = await call("/api/account/close", { token: boss.token, body: {} });
    expect([refused.status, refused.json.type]).toEqual([409, "conflict"]);
  });
});
