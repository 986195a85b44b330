import { describe, expect, it } from "vitest";
import { findDevices } from "../../lib/contracts/device";
import { db, transaction } from "../../lib/db/client";
import { findAccountDevice, findDevicesPage } from "../../lib/db/devices";
import { filterWhere, textWhere } from "../../lib/db/list";
import { findTokenByHash } from "../../lib/db/tokens";
import { all, type Where } from "../../lib/db/where";
import type { SortKind } from "../../lib/contracts/verb";
import type { PageRequest } from "../../lib/paging";
import { hashSecret } from "../../lib/security/secrets";
import { call, claimId } from "./client";
import { claimedDevice, product, tenant } from "./fixtures";

// The raw reader (outside transactions) and Prisma (inside them) read the same records: the same
// device, the same pages in both directions with filters and every sort, the same token rows.

/** Reads through the raw reader, and through Prisma inside a transaction. */
async function bothPaths<T>(read: (q: Parameters<typeof findAccountDevice>[0]) => Promise<T>): Promise<[T, T]> {
  return [await read(db()), await transaction((tx) => read(tx))];
}

/** Every page forward from the start, then every page back from the last one. */
async function walk(q: Parameters<typeof findDevicesPage>[0], accountId: string, where: Where, request: PageRequest) {
  const pages = [];
  let page = await findDevicesPage(q, accountId, where, request);
  pages.push(page);
  while (page.next) {
    page = await findDevicesPage(q, accountId, where, { ...request, cursor: page.next });
    pages.push(page);
  }
  while (page.prev) {
    page = await findDevicesPage(q, accountId, where, { ...request, cursor: page.prev });
    pages.push(page);
  }
  return pages;
}

async function fleet() {
  const session = await tenant();
  const names = ["Pump 7", "pump 12", "Valve", "boiler", "Zeta", "Pump 7", "valve-2", "Sensor_1"];
  const devices: string[] = [];
  for (const [index, name] of names.entries()) {
    const id = await claimedDevice(session);
    const update = await call("/api/device/update", { token: session.token, body: { id, name } });
    expect(update.status, update.text).toBe(200);
    if (index % 3 === 0) await call("/api/device/claim", { token: session.token, body: { id, test: true } });
    devices.push(id);
  }
  // Some devices never seen since their claim: empties in a nullable sort column.
  await db().device.updateMany({ where: { id: { in: devices.slice(0, 3) } }, data: { accessed: null } });
  await db().device.updateMany({ where: { id: devices[5] }, data: { test: true } });
  return { session, devices };
}

const SORTS: Array<[string, SortKind]> = [
  ["created", "date"],
  ["name", "string"],
  ["accessed", "date?"],
  ["id", "string"],
];

describe("the raw reader and Prisma", () => {
  it("answer the same device, and the same nothing for another account's", async () => {
    const { session, devices } = await fleet();
    const stranger = await tenant();
    for (const id of devices) {
      const [raw, prisma] = await bothPaths((q) => findAccountDevice(q, session.accountId, id));
      expect(raw).not.toBeNull();
      expect(raw).toEqual(prisma);
    }
    expect(await bothPaths((q) => findAccountDevice(q, stranger.accountId, devices[0]!))).toEqual([null, null]);
  });

  it("answer the same pages in both directions, for every sort, order and filter", async () => {
    const { session } = await fleet();
    const filters: Where[] = [
      all(),
      filterWhere({ test: false }, findDevices.filters),
      filterWhere({ name__in: ["Pump 7", "Valve"], state__neq: "registered" }, findDevices.filters),
      filterWhere({ name__gte: "P", created__lte: new Date(Date.now() + 60_000) }, findDevices.filters),
      filterWhere({ accessed__neq: new Date(0) }, findDevices.filters),
      all(textWhere("PUMP", findDevices.textFields)),
    ];
    for (const where of filters) {
      for (const [field, kind] of SORTS) {
        for (const order of ["ASC", "DESC"] as const) {
          const request: PageRequest = {
            limit: 3,
            cursor: undefined,
            order,
            sort: { field, kind },
            includeTotal: true,
            text: undefined,
          };
          const [raw, prisma] = await bothPaths((q) => walk(q, session.accountId, where, request));
          expect(raw.length).toBeGreaterThan(0);
          expect(raw, `${JSON.stringify(where)} by ${field} ${order}`).toEqual(prisma);
        }
      }
    }
  });

  it("answer the same token rows, with and without a user, and nothing for an unknown hash", async () => {
    const session = await tenant();
    const cloud = await call("/api/token/create", { token: session.token, body: { name: "parity", role: "user" } });
    const productToken = (await product()).token;
    const id = claimId();
    await call("/builder/device/register", { token: productToken, body: { id } });
    await call("/api/device/claim", { token: session.token, body: { id } });
    const device = await call("/builder/device/register", { token: productToken, body: { id } });
    for (const secret of [session.token, cloud.json.data.token, device.json.token]) {
      const [raw, prisma] = await bothPaths((q) => findTokenByHash(q, hashSecret(secret)));
      expect(raw).not.toBeNull();
      expect(raw).toEqual(prisma);
    }
    expect(await bothPaths((q) => findTokenByHash(q, hashSecret("fpc_unknown")))).toEqual([null, null]);
  });
});

describe("every request reads its token", () => {
  it("so a revocation or a rename committed by another app node is seen by the very next request", async () => {
    const session = await tenant();
    const cloud = (await call("/api/token/create", { token: session.token, body: { name: "node", role: "admin" } }))
      .json.data;
    const device = await claimedDevice(session);
    const read = () => call("/tok/device/get", { token: cloud.token, body: { id: device } });
    expect((await read()).json.data.name).toBe("");
    // Committed outside this request path, as another node's write would be.
    await db().device.updateMany({ where: { id: device }, data: { name: "renamed elsewhere" } });
    expect((await read()).json.data.name).toBe("renamed elsewhere");
    await db().token.updateMany({ where: { id: cloud.id }, data: { revoked: new Date() } });
    expect((await read()).status).toBe(401);
  });
});
