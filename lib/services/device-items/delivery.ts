import type { DeviceBroker } from "../../broker/seam";
import { db } from "../../db/client";
import { markItemDelivered } from "../../db/device-items";
import { deviceTopic, UPSERT } from "./wire";

// A command is taken once (decision 014). The agent obeys a Command each time one reaches its
// database, and records how far it has synced only when SYNCDOWN arrives: a reboot obeyed before
// that would come back with the next sync down, and reboot the device again, at every connect.
// So once the device has acknowledged a command's message, that version is never sent again.

/** Sends one message to a device through the broker: every sender (sync down replies, the outbox)
 * goes through here, so what the device acknowledged is recorded whoever sent it. */
export async function sendToDevice(
  broker: DeviceBroker,
  deviceId: string,
  topic: string,
  payload: string,
): Promise<boolean> {
  const delivered = await broker.send(deviceId, topic, payload);
  if (delivered) await noteDelivered(deviceId, topic, payload);
  return delivered;
}

async function noteDelivered(deviceId: string, topic: string, payload: string): Promise<void> {
  if (topic !== deviceTopic(deviceId, UPSERT)) return;
  const item = JSON.parse(payload) as { _type?: unknown; id?: unknown; accountId?: unknown; updated?: unknown };
  if (item._type !== "Command" || typeof item.id !== "string" || typeof item.accountId !== "string") return;
  if (typeof item.updated !== "string") return;
  const name = { accountId: item.accountId, deviceId, type: "Command", key: item.id };
  await markItemDelivered(db(), name, new Date(item.updated), new Date());
}
