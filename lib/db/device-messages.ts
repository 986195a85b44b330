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

export interface DeviceMessageRow {
  id: number;
  deviceId: string;
  topic: string;
  payload: string;
  attempts: number;
}

/** The messages due for delivery, oldest first. */
export const findDueDeviceMessages = (q: Queryable, now: Date, limit: number): Promise<DeviceMessageRow[]> =>
  q.deviceMessage.findMany({
    where: { due: { lte: now } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, deviceId: true, topic: true, payload: true, attempts: true },
  });

export async function deleteDeviceMessages(q: Queryable, ids: number[]): Promise<void> {
  await q.deviceMessage.deleteMany({ where: { id: { in: ids } } });
}

/** Rows handed to the broker are not due again until `until`: later looks read the rows behind them. */
export async function holdDeviceMessages(q: Queryable, ids: number[], until: Date): Promise<void> {
  await q.deviceMessage.updateMany({ where: { id: { in: ids } }, data: { due: until } });
}

/** Another attempt later. */
export async function postponeDeviceMessage(q: Queryable, id: number, attempts: number, due: Date): Promise<void> {
  await q.deviceMessage.updateMany({ where: { id }, data: { attempts, due } });
}
