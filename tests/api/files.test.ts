import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { call, unique } from "./client";
import { chunked, transfer } from "./file-transfer";
import { deviceWithToken, tenant, type Session } from "./fixtures";

// The file store over its real handlers: devices put, get and delete their files through signed
// URLs, people read them, and a URL does only what was signed, until it expires (decision 016).

afterEach(() => {
  vi.useRealTimers();
});

interface Device {
  id: string;
  token: string;
}

/** What the agent's ioUpload sends: size as text, its whole configuration beside. */
async function signedUrl(device: Device, body: Record<string, unknown>, verb = "file/getSignedUrl") {
  const answer = await call(`/tok/${verb}`, { token: device.token, body: { id: device.id, ...body }, accept: null });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.text.startsWith('"'), "a bare JSON string").toBe(true);
  return answer.json as string;
}

async function put(device: Device, filename: string, bytes: string, mimeType = "image/jpeg") {
  const url = await signedUrl(device, { command: "put", filename, mimeType, size: String(Buffer.byteLength(bytes)) });
  const stored = await transfer(url, { method: "PUT", body: bytes, contentType: mimeType });
  expect(stored.status, stored.text).toBe(200);
  return stored.json;
}

/** Every file under the store, relative to DATA_DIR. */
function storeContents(): string[] {
  const root = path.join(env().dataDir, "files");
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(env().dataDir, path.join(entry.parentPath, entry.name)));
}

interface Grant {
  target: Record<string, string>;
  command: string;
  mimeType: string;
  size: number;
  expires: number;
}

/** The grant of a URL edited and re-encoded under its old signature, as a forger would. */
function tampered(url: string, edit: (grant: Grant) => void): string {
  const [encoded, signature] = new URL(url).pathname.slice("/files/".length).split(".");
  const grant = JSON.parse(Buffer.from(encoded!, "base64url").toString("utf8"));
  edit(grant);
  return `${new URL(url).origin}/files/${Buffer.from(JSON.stringify(grant)).toString("base64url")}.${signature}`;
}

async function expectRefused(url: string, options: Parameters<typeof transfer>[1], status: number, type: string) {
  const answer = await transfer(url, { ...options, accept: "application/json" });
  expect([answer.status, answer.json?.type], answer.text).toEqual([status, type]);
  expect(answer.json.request_id).toBe(answer.headers.get("x-request-id"));
  expect(answer.headers.get("x-request-id")).toMatch(/^[0-9A-Z]{26}$/);
  return answer;
}

describe("a device's files through signed URLs", () => {
  it("puts, gets and deletes a file as the agent does, answering the URL as a bare JSON string", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    const photo = "\xff\xd8 not really a jpeg";
    const stored = await put(device, "camera/snap.jpg", photo);
    expect(stored).toMatchObject({ filename: "camera/snap.jpg", size: Buffer.byteLength(photo) });

    const getUrl = await signedUrl(device, { command: "get", filename: "camera/snap.jpg" }, "device/getSignedUrl");
    const got = await transfer(getUrl);
    expect(got.status).toBe(200);
    expect(got.text).toBe(photo);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.headers.get("content-length")).toBe(String(Buffer.byteLength(photo)));
    expect(got.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''snap.jpg");
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
    expect((await transfer(getUrl, { method: "HEAD" })).headers.get("content-length")).toBe(
      String(Buffer.byteLength(photo)),
    );

    const deleteUrl = await signedUrl(device, { command: "delete", filename: "camera/snap.jpg" });
    expect((await transfer(deleteUrl, { method: "DELETE" })).status).toBe(200);
    await expectRefused(getUrl, {}, 404, "not_found");
    await expectRefused(deleteUrl, { method: "DELETE" }, 404, "not_found");
    const again = await call("/tok/file/getSignedUrl", {
      token: device.token,
      body: { id: device.id, command: "get", filename: "camera/snap.jpg" },
    });
    expect([again.status, again.json.type]).toEqual([404, "not_found"]);
    expect(await db().storedFile.count({ where: { deviceId: device.id } })).toBe(0);
    expect(storeContents().filter((file) => file.includes(me.accountId))).toEqual([]);
  });

  it("replaces a file put again under the same name, keeping one row", async () => {
    const device = await deviceWithToken(await tenant());
    await put(device, "log.txt", "first", "text/plain");
    await put(device, "log.txt", "second, longer", "text/plain");
    const got = await transfer(await signedUrl(device, { command: "get", filename: "log.txt" }));
    expect(got.text).toBe("second, longer");
    const rows = await db().storedFile.findMany({ where: { deviceId: device.id } });
    expect(rows.map((row) => [row.filename, row.size])).toEqual([["log.txt", 14]]);
  });

  it("keeps one whole file when two uploads of one name arrive at once", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    const bodies = ["a".repeat(200_000), "b".repeat(300_000)];
    const urls = await Promise.all(
      bodies.map(() => signedUrl(device, { command: "put", filename: "race.txt", mimeType: "text/plain" })),
    );
    const answers = await Promise.all(
      urls.map((url, i) => transfer(url, { method: "PUT", body: bodies[i], contentType: "text/plain" })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const rows = await db().storedFile.findMany({ where: { deviceId: device.id } });
    expect(rows).toHaveLength(1);
    const got = await transfer(await signedUrl(device, { command: "get", filename: "race.txt" }));
    expect(bodies).toContain(got.text);
    expect(got.text.length).toBe(rows[0]!.size);
    expect(storeContents().filter((file) => file.includes(me.accountId))).toHaveLength(1);
  });

  it("stores a filename that looks like a path under IDs only: nothing lands outside the store", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    const names = ["../../../../etc/passwd", "/etc/hosts", "..\\..\\boot.ini", "a/../../b", "%2e%2e%2fx", "."];
    const before = new Set(readdirSync(env().dataDir));
    for (const name of names) await put(device, name, `content of ${name}`, "text/plain");
    expect(new Set(readdirSync(env().dataDir))).toEqual(new Set([...before, "files"].filter(Boolean)));
    const mine = storeContents().filter((file) => file.includes(me.accountId));
    expect(mine).toHaveLength(names.length);
    for (const file of mine) expect(file).toMatch(new RegExp(`^files/devices/${me.accountId}/[0-9A-Z]{26}$`));
    for (const name of names) {
      const got = await transfer(await signedUrl(device, { command: "get", filename: name }));
      expect(got.text).toBe(`content of ${name}`);
    }
  });

  it("refuses a filename with control characters", async () => {
    const device = await deviceWithToken(await tenant());
    const answer = await call("/tok/file/getSignedUrl", {
      token: device.token,
      body: { id: device.id, command: "put", filename: "a\nb" },
    });
    expect([answer.status, answer.json.fields?.[0]?.name]).toEqual([400, "filename"]);
  });
});

describe("what a signed URL allows", () => {
  it("expires: a URL used after its minutes answers 403", async () => {
    const device = await deviceWithToken(await tenant());
    const url = await signedUrl(device, { command: "put", filename: "late.bin", mimeType: "application/octet-stream" });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 16 * 60_000 });
    const answer = await expectRefused(
      url,
      { method: "PUT", body: "x", contentType: "application/octet-stream" },
      403,
      "access_denied",
    );
    expect(answer.json.message).toMatch(/expired/);
    expect(await db().storedFile.count({ where: { deviceId: device.id } })).toBe(0);
  });

  it("is bound to its file, command, size and type: any edit breaks its signature", async () => {
    const device = await deviceWithToken(await tenant());
    await put(device, "mine.txt", "secret", "text/plain");
    const getUrl = await signedUrl(device, { command: "get", filename: "mine.txt" });
    const putUrl = await signedUrl(device, { command: "put", filename: "small.txt", mimeType: "text/plain", size: 4 });
    const edits: Array<[string, string, (grant: Grant) => void]> = [
      ["another filename", getUrl, (g) => (g.target.filename = "other.txt")],
      ["another device", getUrl, (g) => (g.target.deviceId = "AAAAAAAAAA")],
      ["another command", getUrl, (g) => (g.command = "delete")],
      ["a later expiry", getUrl, (g) => (g.expires += 3600)],
      ["a larger size", putUrl, (g) => (g.size = 1_000_000)],
      ["another type", putUrl, (g) => (g.mimeType = "text/html")],
    ];
    for (const [label, url, edit] of edits) {
      const forged = tampered(url, edit);
      const method = url === putUrl ? "PUT" : "GET";
      const answer = await transfer(forged, {
        method,
        body: method === "PUT" ? "abc" : undefined,
        accept: "application/json",
      });
      expect([answer.status, answer.json?.type], label).toEqual([403, "access_denied"]);
    }
    for (const garbage of ["x", "x.y", `${getUrl}x`, getUrl.replace(/\.[^.]+$/, ".")]) {
      const answer = await transfer(garbage.startsWith("http") ? garbage : `http://localhost:3000/files/${garbage}`, {
        accept: "application/json",
      });
      expect([answer.status, answer.json?.type], garbage).toEqual([403, "access_denied"]);
    }
    expect((await transfer(getUrl)).text).toBe("secret");
  });

  it("does only its command: a get URL neither puts nor deletes, a put URL does not read", async () => {
    const device = await deviceWithToken(await tenant());
    await put(device, "keep.txt", "kept", "text/plain");
    const getUrl = await signedUrl(device, { command: "get", filename: "keep.txt" });
    await expectRefused(
      getUrl,
      { method: "PUT", body: "overwritten", contentType: "text/plain" },
      403,
      "access_denied",
    );
    await expectRefused(getUrl, { method: "DELETE" }, 403, "access_denied");
    const putUrl = await signedUrl(device, { command: "put", filename: "keep.txt", mimeType: "text/plain" });
    await expectRefused(putUrl, {}, 403, "access_denied");
    await expectRefused(putUrl, { method: "POST", body: "x" }, 405, "method_not_supported");
    expect((await transfer(getUrl)).text).toBe("kept");
  });

  it("refuses a body of another type than signed", async () => {
    const device = await deviceWithToken(await tenant());
    const url = await signedUrl(device, { command: "put", filename: "p.jpg", mimeType: "image/jpeg" });
    await expectRefused(url, { method: "PUT", body: "<script>", contentType: "text/html" }, 403, "access_denied");
    expect(await db().storedFile.count({ where: { deviceId: device.id } })).toBe(0);
  });

  it("refuses a body over the signed size, declared or streamed, and keeps nothing of it", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    const url = await signedUrl(device, {
      command: "put",
      filename: "big.bin",
      mimeType: "application/octet-stream",
      size: 100_000,
    });
    const type = "application/octet-stream";
    await expectRefused(url, { method: "PUT", body: "x".repeat(100_001), contentType: type }, 413, "payload_too_large");
    await expectRefused(url, { method: "PUT", body: chunked(300_000), contentType: type }, 413, "payload_too_large");
    // A declared length over the size is refused before a byte is read.
    const declared = { "content-length": "100001" };
    await expectRefused(
      url,
      { method: "PUT", body: "x", contentType: type, headers: declared },
      413,
      "payload_too_large",
    );
    expect(await db().storedFile.count({ where: { deviceId: device.id } })).toBe(0);
    expect(storeContents().filter((file) => !file.startsWith("files/devices/"))).toEqual([]);
    const exact = await transfer(url, { method: "PUT", body: chunked(100_000), contentType: type });
    expect([exact.status, exact.json.size]).toEqual([200, 100_000]);
  });

  it("refuses a size above the store's limit when signing", async () => {
    const device = await deviceWithToken(await tenant());
    const answer = await call("/tok/file/getSignedUrl", {
      token: device.token,
      body: { id: device.id, command: "put", filename: "huge", size: 200 * 1024 * 1024 },
    });
    expect([answer.status, answer.json.fields?.[0]?.name]).toEqual([400, "size"]);
  });
});

describe("who may sign", () => {
  it("a device signs only for itself: another device's ID is not found", async () => {
    const me = await tenant();
    const [mine, other] = [await deviceWithToken(me), await deviceWithToken(me)];
    const answer = await call("/tok/device/getSignedUrl", {
      token: mine.token,
      body: { id: other.id, command: "put", filename: "x" },
      accept: null,
    });
    expect([answer.status, answer.text]).toEqual([404, "Cannot find device"]);
  });

  it("a released device's URL stores nothing more", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    const url = await signedUrl(device, { command: "put", filename: "after.txt", mimeType: "text/plain" });
    expect((await call("/api/device/release", { token: me.token, body: { id: device.id } })).status).toBe(200);
    await expectRefused(url, { method: "PUT", body: "x", contentType: "text/plain" }, 404, "not_found");
    expect(await db().storedFile.count({ where: { deviceId: device.id } })).toBe(0);
  });

  it("people get read URLs for their account's devices only, and list their files", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    await put(device, "report.csv", "a,b\n1,2\n", "text/csv");
    for (const command of ["put", "delete"]) {
      const answer = await call("/api/file/getSignedUrl", {
        token: me.token,
        body: { id: device.id, command, filename: "report.csv" },
      });
      expect([answer.status, answer.json.type], command).toEqual([403, "access_denied"]);
    }
    const url = await call("/api/file/getSignedUrl", {
      token: me.token,
      body: { id: device.id, command: "get", filename: "report.csv" },
    });
    expect((await transfer(url.json)).text).toBe("a,b\n1,2\n");

    const listed = await call("/api/file/find", { token: me.token, body: { deviceId: device.id } });
    expect(listed.json.data).toHaveLength(1);
    expect(listed.json.data[0]).toMatchObject({
      deviceId: device.id,
      filename: "report.csv",
      mimeType: "text/csv",
      size: 8,
    });
    expect((await transfer(listed.json.data[0].url)).text).toBe("a,b\n1,2\n");
  });

  it("another account's device and files answer 404 and stay as they were", async () => {
    const [a, b] = [await tenant(), await tenant()];
    const device = await deviceWithToken(a);
    await put(device, "private.txt", "of A", "text/plain");
    const read = await call("/api/file/getSignedUrl", {
      token: b.token,
      body: { id: device.id, command: "get", filename: "private.txt" },
    });
    expect([read.status, read.json.type]).toEqual([404, "not_found"]);
    expect((await call("/api/file/find", { token: b.token, body: { deviceId: device.id } })).json.data).toEqual([]);
    const fileId = (await call("/api/file/find", { token: a.token, body: {} })).json.data[0].id;
    const removed = await call("/api/file/remove", { token: b.token, body: { id: fileId } });
    expect([removed.status, removed.json.type]).toEqual([404, "not_found"]);
    expect(await db().storedFile.count({ where: { id: fileId } })).toBe(1);
  });

  it("file/remove (admin) deletes the row and its bytes; a viewer may not", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    await put(device, "old.log", "old", "text/plain");
    const fileId = (await call("/api/file/find", { token: me.token, body: {} })).json.data[0].id;
    const viewer = await viewerOf(me);
    const refused = await call("/tok/file/remove", { token: viewer, body: { id: fileId } });
    expect([refused.status, refused.json.type]).toEqual([403, "access_denied"]);
    const removed = await call("/api/file/remove", { token: me.token, body: { id: fileId } });
    expect(removed.json.data).toEqual({ id: fileId, removed: true });
    expect(storeContents().filter((file) => file.includes(me.accountId))).toEqual([]);
  });
});

describe("when an account closes", () => {
  it("its stored files' bytes go with their rows", async () => {
    const me = await tenant();
    const device = await deviceWithToken(me);
    await put(device, "bye.txt", "gone soon", "text/plain");
    expect(storeContents().filter((file) => file.includes(me.accountId))).toHaveLength(1);
    const closed = await call("/api/account/close", { token: me.token, body: { id: me.accountId } });
    expect(closed.status, closed.text).toBe(200);
    expect(storeContents().filter((file) => file.includes(me.accountId))).toEqual([]);
    expect(await db().storedFile.count({ where: { accountId: me.accountId } })).toBe(0);
  });
});

async function viewerOf(session: Session): Promise<string> {
  const created = await call("/api/token/create", {
    token: session.token,
    body: { name: unique("v"), role: "viewer" },
  });
  return created.json.data.token;
}
