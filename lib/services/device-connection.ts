import type { DeviceIdentity } from "../broker/seam";
import { db } from "../db/client";
import { markOnlineDevicesOffline, setDeviceConnection } from "../db/devices";

// A device's `connection` (online / offline) as the broker reports it, with its last-seen time
// (docs/api.md#mqtt). The broker reports one device's connects and disconnects in order, and only
// the end of its newest connection (decision 015).

export async function deviceConnected(device: DeviceIdentity, now = new Date()): Promise<void> {
  await setDeviceConnection(db(), device.deviceId, device.accountId, "online", now);
}

export async function deviceDisconnected(device: DeviceIdentity, now = new Date()): Promise<void> {
  await setDeviceConnection(db(), device.deviceId, device.accountId, "offline", now);
}

/**
 * At the start of the one embedded broker, no device is connected to it: whatever a previous run
 * left online is offline (it could not say so when it stopped).
 */
export function forgetConnections(): Promise<number> {
  return markOnlineDevicesOffline(db());
}
