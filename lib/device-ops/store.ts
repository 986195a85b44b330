import { fitsDevicePacket } from "../broker/packet-size";
import type { DeviceIdentity } from "../broker/seam";
import { log } from "../log";
import { storeValueText } from "../services/device-items/fields";
import { deviceTopic } from "../services/device-items/wire";
import { invokeAsDevice } from "./invoke";
import type { DeviceReply } from "./index";

// store/set {key, value, type} (one way) and store/get {key} → store/get/<seq> with the value as
// bare text ("" when the key has no value).

export async function storeSet(device: DeviceIdentity, payload: Buffer): Promise<DeviceReply[]> {
  const outcome = await invokeAsDevice(device, { controller: "store", verb: "set" }, payload);
  if (!outcome.ok) log.warn("store/set refused", { deviceId: device.deviceId, error: outcome.error.message });
  return [];
}

export async function storeGet(device: DeviceIdentity, payload: Buffer, rest: string): Promise<DeviceReply[]> {
  const topic = rest ? `store/get/${rest}` : "store/get";
  const outcome = await invokeAsDevice(device, { controller: "store", verb: "get" }, payload);
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
