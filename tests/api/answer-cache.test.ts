import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { answerCache } from "../../lib/http/answer-cache";
import { call } from "./client";
import { claimedDevice, cloudToken, tenant } from "./fixtures";

// ADR 009: unchanged reads may be answered from memory, but never after a commit — whether the
// app made it or another process wrote to the database behind its back.
const onSqlite = process.env.TEST_ENGINE !== "postgres";

/** Renames a device the way another process would: its own connection, plain SQL. */
async function renameBehindTheAppsBack(id: string, name: string): Promise<void> {
  const url = process.env.DATABASE_URL!;
  if (onSqlite) {
    const other = new Database(url.replace(/^file:/, ""), { timeout: 10_000 });
    other.prepare(`UPDATE "Device" SET name = ? WHERE id = ?`).run(name, id);
    other.close();
    return;
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query(`UPDATE "Device" SET name = $1 WHERE id = $2`, [name, id]);
  await other.end();
}

describe("answer cache", () => {
  it("answers a repeated read from memory on SQLite, byte for byte, and not on PostgreSQL", async () => {
    const me = await tenant();
    const token = await cloudToken(me);
    await claimedDevice(me);
    const first = await call("/tok/device/find", { token });
    const hits = answerCache().stats().hits;
    const second = await call("/tok/device/find", { token });
    expect(second.text).toBe(first.text);
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(answerCache().stats().hits).toBe(onSqlite ? hits + 1 : 0);
  });

  it("shows a change made through the API at once", async () => {
    const me = await tenant();
    const token = await cloudToken(me);
    const id = await claimedDevice(me);
    expect((await call("/tok/device/get", { token, body: { id } })).json.data.name).toBe("");
    await call("/tok/device/find", { token });
    expect((await call("/tok/device/update", { token, body: { id, name: "Boiler" } })).status).toBe(200);
    expect((await call("/tok/device/get", { token, body: { id } })).json.data.name).toBe("Boiler");
    expect((await call("/tok/device/find", { token })).json.data[0].name).toBe("Boiler");
  });

  it("shows a change committed by another process at once", async () => {
    const me = await tenant();
    const token = await cloudToken(me);
    const id = await claimedDevice(me);
    await call("/tok/device/get", { token, body: { id } });
    await call("/tok/device/find", { token });
    await renameBehindTheAppsBack(id, "Renamed elsewhere");
    expect((await call("/tok/device/get", { token, body: { id } })).json.data.name).toBe("Renamed elsewhere");
    expect((await call("/tok/device/find", { token })).json.data[0].name).toBe("Renamed elsewhere");
  });

  it("still refuses a token revoked after its answer was kept", async () => {
    const me = await tenant();
    const token = await cloudToken(me);
    await claimedDevice(me);
    expect((await call("/tok/device/find", { token })).status).toBe(200);
    const [{ id }] = (await call("/api/token/find", { token: me.token })).json.data;
    expect((await call("/api/token/remove", { token: me.token, body: { id } })).status).toBe(200);
    expect((await call("/tok/device/find", { token })).status).toBe(401);
  });

  it("keeps answers apart per token and per query", async () => {
    const me = await tenant();
    const [admin, viewer] = [await cloudToken(me), await cloudToken(me, "viewer")];
    const [a, b] = [await claimedDevice(me), await claimedDevice(me)];
    const all = (await call("/tok/device/find", { token: admin })).json.data.map((d: { id: string }) => d.id);
    expect(all.sort()).toEqual([a, b].sort());
    const one = await call("/tok/device/find", { token: admin, query: "limit=1" });
    expect(one.json.data).toHaveLength(1);
    const filtered = await call("/tok/device/find", { token: admin, body: { id: a } });
    expect(filtered.json.data.map((d: { id: string }) => d.id)).toEqual([a]);
    const stranger = await cloudToken(await tenant());
    expect((await call("/tok/device/find", { token: stranger })).json.data).toEqual([]);
    expect((await call("/tok/device/get", { token: stranger, body: { id: a } })).status).toBe(404);
    expect((await call("/tok/device/find", { token: viewer })).json.data).toHaveLength(2);
  });
});
