import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { touchDeviceAccessed } from "../../lib/db/devices";
import { call, claimId } from "./client";
import { product, tenant } from "./fixtures";

// "Last seen" (`accessed`) is the device's last contact of any kind, kept to once per 30 s.
// The clock is moved with fake Dates (timers stay real, so the database drivers are untouched).

afterEach(() => {
  vi.useRealTimers();
});

/** Sets the clock `seconds` after `start`. */
function at(start: number, seconds: number): string {
  const time = start + seconds * 1000;
  vi.setSystemTime(time);
  return new Date(time).toISOString();
}

describe("last seen", () => {
  it("records register polls and device-token calls, at most once every 30 s", async () => {
    const me = await tenant();
    const { token: productToken } = await product();
    const id = claimId();
    const register = () => call("/builder/device/register", { token: productToken, body: { id } });
    const lastSeen = async () => (await call("/api/device/get", { token: me.token, body: { id } })).json.data.accessed;
    // An hour ahead of anything the fixtures wrote, so each time below is the newest.
    const start = Date.now() + 3_600_000;
    vi.useFakeTimers({ toFake: ["Date"] });

    const registeredAt = at(start, 0);
    expect((await register()).json).toEqual({ registered: true });
    at(start, 5);
    expect((await call("/api/device/claim", { token: me.token, body: { id } })).status).toBe(200);
    // A claim is a person's act, not the device's contact.
    expect(await lastSeen()).toBe(registeredAt);

    at(start, 20);
    const claimed = await register();
    expect(claimed.json.token).toMatch(/^fpd_/);
    // Within 30 s of the recorded contact: nothing is written.
    expect(await lastSeen()).toBe(registeredAt);

    const polled = at(start, 40);
    await register();
    expect(await lastSeen()).toBe(polled);

    // Any call with the device token is a contact, whether or not the verb admits devices.
    const called = at(start, 75);
    await call("/tok/device/get", { token: claimed.json.token, body: { id } });
    expect(await lastSeen()).toBe(called);
    at(start, 90);
    await call("/tok/device/get", { token: claimed.json.token, body: { id } });
    expect(await lastSeen()).toBe(called);
  });

  it("records a device still in the pool, from its first registration", async () => {
    const { token: productToken } = await product();
    const id = claimId();
    const start = Date.now() + 3_600_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    const first = at(start, 0);
    await call("/builder/device/register", { token: productToken, body: { id } });
    const device = await db().device.findUnique({ where: { id } });
    expect(device?.accessed?.toISOString()).toBe(first);
  });

  it("is not an edit of the device: a contact leaves its updated time as it was", async () => {
    const me = await tenant();
    const { token: productToken } = await product();
    const id = claimId();
    const register = () => call("/builder/device/register", { token: productToken, body: { id } });
    const stored = () => db().device.findUniqueOrThrow({ where: { id } });
    const start = Date.now() + 3_600_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    at(start, 0);
    await register();
    at(start, 5);
    expect((await call("/api/device/claim", { token: me.token, body: { id } })).status).toBe(200);
    const claimed = await stored();

    const polled = at(start, 40);
    const { token } = (await register()).json;
    expect((await stored()).accessed?.toISOString()).toBe(polled);
    const called = at(start, 75);
    await call("/tok/device/get", { token, body: { id } });
    const after = await stored();
    expect(after.accessed?.toISOString()).toBe(called);
    expect(after.updated).toEqual(claimed.updated);
  });

  it("writes once for many concurrent contacts", async () => {
    const { token: productToken } = await product();
    const id = claimId();
    await call("/builder/device/register", { token: productToken, body: { id } });
    const now = new Date(Date.now() + 3_600_000);
    const notSince = new Date(now.getTime() - 30_000);
    const writes = await Promise.all(Array.from({ length: 12 }, () => touchDeviceAccessed(db(), id, now, notSince)));
    expect(writes.filter(Boolean)).toHaveLength(1);
  });
});
