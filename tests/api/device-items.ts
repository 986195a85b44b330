import { expect } from "vitest";
import type { DeviceIdentity } from "../../lib/broker/seam";
import { db } from "../../lib/db/client";
import { call, unique } from "./client";
import { owner, registeredDevice, type Session } from "./fixtures";

// Helpers of the Store, Generic and sync suites: a device of a product whose data schema the test
// sets, the outbox rows a change wrote, and the identity the broker would give a device.

/** The device's waiting messages: its pushed items, and the SYNCDOWN after each when asked. */
export async function outbox(deviceId: string, { withSyncDown = false } = {}) {
  const rows = await db().deviceMessage.findMany({ where: { deviceId }, orderBy: { id: "asc" } });
  return rows
    .map((row) => ({ topic: row.topic, item: JSON.parse(row.payload) as Record<string, unknown> }))
    .filter((message) => withSyncDown || !message.topic.endsWith("/sync/SYNCDOWN"));
}

/** The device's item rows as stored, whatever account they belong to. */
export const storedItems = (deviceId: string) =>
  db().deviceItem.findMany({ where: { deviceId }, orderBy: [{ type: "asc" }, { key: "asc" }] });

export const identityOf = (session: Session, deviceId: string): DeviceIdentity => ({
  deviceId,
  accountId: session.accountId,
  serial: "0A1B",
});

/** A product (with this data schema, when given) and a device of it claimed by `session`. */
export async function deviceOfProduct(session: Session, dataSchema?: unknown) {
  const boss = await owner();
  const created = await call("/api/product/create", { token: boss.token, body: { name: unique("product") } });
  const product = { id: created.json.data.id as string, token: created.json.data.token as string };
  if (dataSchema) {
    const updated = await call("/api/product/update", { token: boss.token, body: { id: product.id, dataSchema } });
    expect(updated.status, updated.text).toBe(200);
  }
  const id = await registeredDevice(product.token);
  const claimed = await call("/api/device/claim", { token: session.token, body: { id } });
  expect(claimed.status, claimed.text).toBe(200);
  const answer = await call("/builder/device/register", { token: product.token, body: { id } });
  return { id, product, deviceToken: answer.json.token as string };
}

/** The demo app's Settings model, as the agent's schema files declare it. */
export const settingsSchema = {
  process: { Settings: { enable: "both", sync: "both", actions: true }, Notes: { enable: "cloud" } },
  models: {
    Settings: {
      pk: { type: "string", value: "settings#${accountId}#${deviceId}", hidden: true },
      sk: { type: "string", value: "settings#", hidden: true },
      accountId: { type: "string", required: true, readonly: true },
      deviceId: { type: "string", required: true, readonly: true },
      name: { type: "string" },
      volume: { type: "number" },
      power: { type: "boolean" },
      updated: { type: "date", readonly: true },
    },
    Notes: { id: { type: "string", generate: "ulid" }, text: { type: "string" } },
  },
};
