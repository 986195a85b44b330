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
