import { fitsDevicePacket } from "../broker/packet-size";
import type { DeviceIdentity } from "../broker/seam";
import { log } from "../log";
import { storeValueText } from "../services/device-items/fields";
import { deviceTopic } from "../services/device-items/wire";
import { invokeAsDevice, payloadObject } from "./as-device";
import type { DeviceReply } from "./index";

// store/set {key, value, type} (one way) and store/get {key} → store/get/<seq> with the value as
// bare text ("" when the key has no value).

export async function storeSet(device: DeviceIdentity, payload: Buffer): Promise<DeviceReply[]> {
  const body = payloadObject(device, "store/set", payload);
  if (!body) return [];
  const outcome = await invokeAsDevice(device, "store", "set", body);
  if (!outcome.ok) log.warn("store/set refused", { deviceId: device.deviceId, error: outcome.error.message });
  return [];
}

export async function storeGet(device: DeviceIdentity, payload: Buffer, rest: string): Promise<DeviceReply[]> {
  const body = payloadObject(device, "store/get", payload);
  const topic = rest ? `store/get/${rest}` : "store/get";
  if (!body) return [{ topic, payload: "" }];
  const outcome = await invokeAsDevice(device, "store", "get", { key: body.key });
  if (!outcome.ok) {
    if (outcome.error.type !== "not_found")
      log.warn("store/get refused", { deviceId: device.deviceId, error: outcome.error.message });
    return [{ topic, payload: "" }];
  }
  const text = storeValueText((outcome.answer as { data: { value: unknown } }).data.value);
  if (fitsDevicePacket(deviceTopic(device.deviceId, topic), text)) return [{ topic, payload: text }];
  log.warn("store/get: value too large for the device's packets", { deviceId: device.deviceId });
  return [{ topic, payload: "" }];
}
