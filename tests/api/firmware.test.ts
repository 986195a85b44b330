import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { call } from "./client";
import { transfer } from "./file-transfer";
import { deviceWithToken, owner, product, tenant } from "./fixtures";

// Firmware releases per product: the owner uploads an image through a signed URL, a device asks
// provision/update as the agent's update.c does and downloads what it is offered, then reports
// (decision 016).

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function release(productId: string, version: string, image = randomBytes(3000)) {
  const created = await call("/api/firmware/create", { token: (await owner()).token, body: { productId, version } });
  expect(created.status, created.text).toBe(200);
  const stored = await transfer(created.json.data.url, {
    method: "PUT",
    body: image,
    contentType: "application/octet-stream",
  });
  expect(stored.status, stored.text).toBe(200);
  return { id: stored.json.id as string, image };
}

/** What update.c sends: the device section of its configuration with its version. */
async function askUpdate(device: { id: string; token: string }, version: string) {
  const answer = await call("/tok/provision/update", {
    token: device.token,
    accept: null,
    body: { id: device.id, version, iotoVersion: "3.0.0", product: "token", name: "Thermostat", model: "T1" },
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.json;
}

describe("firmware releases", () => {
  it("is made by putting the image to the URL firmware/create answers, with the checksum computed here", async () => {
    const { id: productId } = await product();
    const image = randomBytes(50_000);
    const made = await release(productId, "1.0.0", image);
    const listed = await call("/api/firmware/find", { token: (await owner()).token, body: { productId } });
    expect(listed.json.data).toEqual([
      expect.objectContaining({
        id: made.id,
        productId,
        version: "1.0.0",
        checksum: sha256(image),
        size: 50_000,
        filename: "firmware-1.0.0.bin",
      }),
    ]);
  });

  it("lists every product's releases without a productId, and none of an account without products", async () => {
    const [first, second] = [await product(), await product()];
    const made = [(await release(first.id, "1.0.0")).id, (await release(second.id, "2.0.0")).id];
    const boss = (await owner()).token;
    const listed = await call("/api/firmware/find", { token: boss, query: "limit=1000", body: {} });
    expect(listed.json.data.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(made));
    const elsewhere = await call("/api/firmware/find", {
      token: boss,
      body: { accountId: (await tenant()).accountId },
    });
    expect([elsewhere.status, elsewhere.json.data]).toEqual([200, []]);
  });

  it("refuses a version already released, also when written differently (1.2 is 1.2.0)", async () => {
    const { id: productId } = await product();
    await release(productId, "1.2");
    const boss = (await owner()).token;
    const again = await call("/api/firmware/create", { token: boss, body: { productId, version: "1.2.0" } });
    expect([again.status, again.json.type]).toEqual([409, "conflict"]);
    // Two uploads started before either finished: the second finds the version taken.
    const [first, second] = await Promise.all(
      ["1.3", "1.3.0"].map((version) => call("/api/firmware/create", { token: boss, body: { productId, version } })),
    );
    const put = (url: string) =>
      transfer(url, {
        method: "PUT",
        body: "image",
        contentType: "application/octet-stream",
        accept: "application/json",
      });
    expect((await put(first!.json.data.url)).status).toBe(200);
    const late = await put(second!.json.data.url);
    expect([late.status, late.json.type]).toEqual([409, "conflict"]);
    expect(await db().firmwareRelease.count({ where: { productId } })).toBe(2);
  });

  it("refuses an image over the size asked for, and makes no release", async () => {
    const { id: productId } = await product();
    const created = await call("/api/firmware/create", {
      token: (await owner()).token,
      body: { productId, version: "2.0.0", size: 1000 },
    });
    const answer = await transfer(created.json.data.url, {
      method: "PUT",
      body: randomBytes(1001),
      contentType: "application/octet-stream",
      accept: "application/json",
    });
    expect([answer.status, answer.json.type]).toEqual([413, "payload_too_large"]);
    expect(await db().firmwareRelease.count({ where: { productId } })).toBe(0);
  });

  it("goes with its product, image included", async () => {
    const { id: productId } = await product();
    const made = await release(productId, "1.0.0");
    const images = path.join(env().dataDir, "files", "firmware", productId);
    expect(readdirSync(images)).toEqual([made.id]);
    const removed = await call("/api/product/remove", { token: (await owner()).token, body: { id: productId } });
    expect(removed.status, removed.text).toBe(200);
    expect(existsSync(images)).toBe(false);
    expect(await db().firmwareRelease.count({ where: { productId } })).toBe(0);
  });

  it("belongs to the owner: a tenant may not release, and a version must read as one", async () => {
    const { id: productId } = await product();
    const admin = await tenant();
    const refused = await call("/api/firmware/create", { token: admin.token, body: { productId, version: "1.0.0" } });
    expect([refused.status, refused.json.type]).toEqual([403, "access_denied"]);
    const bad = await call("/api/firmware/create", {
      token: (await owner()).token,
      body: { productId, version: "latest" },
    });
    expect([bad.status, bad.json.fields?.[0]?.name]).toEqual([400, "version"]);
    const unknown = await call("/api/firmware/create", {
      token: (await owner()).token,
      body: { productId: "01J0000000000000000000000", version: "1.0.0" },
    });
    expect([unknown.status, unknown.json.type]).toEqual([404, "not_found"]);
  });
});

describe("provision/update", () => {
  it("offers the newest newer release of the device's own product, downloadable without credentials", async () => {
    const { id: productId, token: productToken } = await product();
    const device = await deviceWithToken(await tenant(), productToken);
    await release(productId, "1.2.0");
    const newest = await release(productId, "1.10.0");
    await release(productId, "1.9.9");

    const offer = await askUpdate(device, "1.9.0");
    expect(Object.keys(offer).sort()).toEqual(["checksum", "update", "url", "version"]);
    expect(offer).toMatchObject({ update: "1.10.0", version: "1.10.0", checksum: sha256(newest.image) });
    const image = await transfer(offer.url);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("application/octet-stream");
    expect(sha256(image.bytes)).toBe(offer.checksum);
    expect(offer.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers exactly {} when nothing is newer, or the device's version cannot be read", async () => {
    const { id: productId, token: productToken } = await product();
    const device = await deviceWithToken(await tenant(), productToken);
    expect(await askUpdate(device, "0.0.1")).toEqual({});
    await release(productId, "1.1.0");
    for (const version of ["1.1.0", "1.1", "1.2.0", "not a version"]) {
      const answer = await call("/tok/provision/update", {
        token: device.token,
        body: { id: device.id, version },
        accept: null,
      });
      expect(answer.text, version).toBe("{}");
    }
  });

  it("never offers another product's release", async () => {
    const other = await product();
    await release(other.id, "9.0.0");
    const device = await deviceWithToken(await tenant());
    expect(await askUpdate(device, "0.0.1")).toEqual({});
  });

  it("stops offering a removed release, and its download URL stops working", async () => {
    const { id: productId, token: productToken } = await product();
    const device = await deviceWithToken(await tenant(), productToken);
    await release(productId, "1.0.0");
    const removable = await release(productId, "2.0.0");
    const offer = await askUpdate(device, "0.5.0");
    const removed = await call("/api/firmware/remove", { token: (await owner()).token, body: { id: removable.id } });
    expect(removed.json.data).toEqual({ id: removable.id, removed: true });
    expect((await askUpdate(device, "0.5.0")).version).toBe("1.0.0");
    expect((await transfer(offer.url)).status).toBe(404);
  });

  it("answers only the calling device: another ID is not found, a person's token is refused", async () => {
    const me = await tenant();
    const [device, other] = [await deviceWithToken(me), await deviceWithToken(me)];
    const answer = await call("/tok/provision/update", {
      token: device.token,
      body: { id: other.id, version: "1.0.0" },
      accept: null,
    });
    expect([answer.status, answer.text]).toEqual([404, "Cannot find device"]);
    const person = await call("/api/provision/update", { token: me.token, body: { id: device.id, version: "1.0.0" } });
    expect([person.status, person.json.type]).toEqual([403, "access_denied"]);
  });
});

describe("update reports", () => {
  it("stores each report and lists every device's latest for its account", async () => {
    const { token: productToken, id: productId } = await product();
    const me = await tenant();
    const [first, second] = [await deviceWithToken(me, productToken), await deviceWithToken(me, productToken)];
    for (const [device, update, success] of [
      [first, "1.0.0", false],
      [first, "1.0.1", true],
    ] as const) {
      const answer = await call("/tok/provision/updateReport", {
        token: device.token,
        body: { id: device.id, update, success, extra: "ignored" },
      });
      expect(answer.json).toMatchObject({ version: update, success });
    }
    expect(await db().updateReport.count({ where: { deviceId: first.id } })).toBe(2);

    const reports = await call("/api/firmware/reports", { token: me.token, body: { productId } });
    const byDevice = Object.fromEntries(
      reports.json.data.map((item: { deviceId: string; report: unknown }) => [item.deviceId, item.report]),
    );
    expect(byDevice[first.id]).toMatchObject({ version: "1.0.1", success: true });
    expect(byDevice[second.id]).toBeNull();

    const stranger = await tenant();
    const theirs = await call("/api/firmware/reports", { token: stranger.token, body: { productId } });
    expect(theirs.json.data).toEqual([]);
  });

  it("a device reports only for itself", async () => {
    const me = await tenant();
    const [device, other] = [await deviceWithToken(me), await deviceWithToken(me)];
    const answer = await call("/tok/provision/updateReport", {
      token: device.token,
      body: { id: other.id, update: "1.0.0", success: true },
      accept: null,
    });
    expect([answer.status, answer.text]).toEqual([404, "Cannot find device"]);
    expect(await db().updateReport.count({ where: { deviceId: other.id } })).toBe(0);
  });
});
