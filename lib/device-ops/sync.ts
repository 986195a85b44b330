import { publishPacketBytes, MAX_DEVICE_PACKET } from "../broker/packet-size";
import type { DeviceIdentity } from "../broker/seam";
import { db } from "../db/client";
import { log } from "../log";
import { deviceScope } from "../services/device-items/access";
import { syncDown, syncUp, syncUpMessage } from "../services/device-items/sync";
import { deviceTopic, SYNCDOWN, syncedTo, UPSERT, wireItem } from "../services/device-items/wire";
import { payloadObject } from "./invoke";
import type { DeviceReply } from "./index";

// db/syncToDynamo → sync/SYNC {seq, keys, updated} (and, for a change older than the cloud's item,
// that item back on sync/UPSERT); db/syncDown {timestamp} → one sync/UPSERT per item, then
// sync/SYNCDOWN {updated}. Every reply fits one device packet.

const SYNC = "sync/SYNC";

async function scopeOf(device: DeviceIdentity) {
  const scope = await deviceScope(db(), device.accountId, device.deviceId);
  if (!scope) log.warn("sync from a device no longer in its account", { deviceId: device.deviceId });
  return scope;
}

/**
 * The acknowledgement, split into as many SYNC messages as its keys need to fit a packet each
 * (the agent settles each message's keys on their own). A key too long for any packet is left
 * out and logged: the agent sends that change again, and it is logged again.
 */
export function syncAcks(deviceId: string, seq: number | string, keys: string[], updated: string): DeviceReply[] {
  const topic = deviceTopic(deviceId, SYNC);
  const payloadOf = (batch: string[]) => JSON.stringify({ seq, keys: batch, updated });
  const empty = Buffer.byteLength(payloadOf([]));
  const replies: DeviceReply[] = [];
  let batch: string[] = [];
  let bytes = empty;
  for (const key of keys) {
    const added = Buffer.byteLength(JSON.stringify(key)) + (batch.length ? 1 : 0);
    if (publishPacketBytes(topic, bytes + added) <= MAX_DEVICE_PACKET) {
      batch.push(key);
      bytes += added;
      continue;
    }
    if (batch.length) replies.push({ topic: SYNC, payload: payloadOf(batch) });
    batch = [];
    bytes = empty;
    if (publishPacketBytes(topic, empty + added) > MAX_DEVICE_PACKET) {
      log.warn("sync up: key too long to acknowledge", { deviceId, bytes: added });
      continue;
    }
    batch.push(key);
    bytes += Buffer.byteLength(JSON.stringify(key));
  }
  if (batch.length || !replies.length) replies.push({ topic: SYNC, payload: payloadOf(batch) });
  return replies;
}

export async function syncToCloud(device: DeviceIdentity, payload: Buffer): Promise<DeviceReply[]> {
  const body = payloadObject(device, "db/syncToDynamo", payload);
  const message = syncUpMessage.safeParse(body);
  if (!message.success) {
    if (body) log.warn("db/syncToDynamo not understood", { deviceId: device.deviceId });
    return [];
  }
  const scope = await scopeOf(device);
  if (!scope) return [];
  const result = await syncUp(scope, message.data);
  const corrections = result.newer.map(({ model, item }) => ({ topic: UPSERT, payload: wireItem(model, item) }));
  return [...syncAcks(device.deviceId, result.seq, result.keys, result.updated), ...corrections];
}

export async function syncToDevice(device: DeviceIdentity, payload: Buffer): Promise<DeviceReply[]> {
  const body = payloadObject(device, "db/syncDown", payload);
  const scope = await scopeOf(device);
  if (!scope) return [];
  const result = await syncDown(scope, body?.timestamp);
  return [
    ...result.payloads.map((item) => ({ topic: UPSERT, payload: item })),
    { topic: SYNCDOWN, payload: syncedTo(result.updated) },
  ];
}
