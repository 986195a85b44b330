import type { Queryable } from "./client";

// The outbox of messages towards devices. A change that a device must hear of writes its message
// here in the transaction that makes the change, so the message exists exactly when the change
// does; the worker delivers it through the broker.

/** Queues one message to a device: `topic` is the full topic (ioto/device/<id>/…). */
export async function enqueueDeviceMessage(
  q: Queryable,
  deviceId: string,
  topic: string,
  payload: string,
): Promise<void> {
  await q.deviceMessage.create({ data: { deviceId, topic, payload } });
}

/** The payload of the device's oldest message on `topic` not yet delivered, if any. */
export async function oldestPendingPayload(q: Queryable, deviceId: string, topic: string): Promise<string | undefined> {
  const row = await q.deviceMessage.findFirst({ where: { deviceId, topic }, orderBy: { id: "asc" } });
  return row?.payload;
}
