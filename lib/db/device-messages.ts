import type { Queryable } from "./client";

// The device outbox (decision 015): a message to a device is a row written in the transaction
// that causes it, so it exists exactly when the change does; the worker delivers it.

export function enqueueDeviceMessage(q: Queryable, deviceId: string, topic: string, payload: string) {
  return q.deviceMessage.create({ data: { deviceId, topic, payload } });
}

/** The payload of the device's oldest message on `topic` not yet delivered, if any. */
export async function oldestPendingPayload(q: Queryable, deviceId: string, topic: string): Promise<string | undefined> {
  const row = await q.deviceMessage.findFirst({ where: { deviceId, topic }, orderBy: { id: "asc" } });
  return row?.payload;
}
