import { deviceTopic, type DeviceIdentity } from "../seam";

// The topic ACL of the device protocol (docs/api.md#mqtt). A device reads only its own topics and
// its account's broadcasts, and writes only its own service topics: nothing a device publishes can
// reach another device.

/** The agent sends one-way publishes through AWS IoT's basic-ingest prefix; the topic is what follows it. */
const BASIC_INGEST = "$aws/rules/IotoDevice/";

/** The topic a device's messages from the cloud are published under. */
export const deviceTopicPrefix = (deviceId: string) => deviceTopic(deviceId, "");

/** The filters under which a device may subscribe (each also covers its own base level). */
function readableBases(device: DeviceIdentity): string[] {
  return [`ioto/device/${device.deviceId}`, "ioto/account/all", `ioto/account/${device.accountId}`];
}

/** Whether `filter` stays within the device's own topics; wildcards may appear only below a base. */
export function maySubscribe(device: DeviceIdentity, filter: string): boolean {
  return readableBases(device).some((base) => filter === base || filter.startsWith(`${base}/`));
}

/**
 * The operation a device's publish asks for ("metric/set", "metric/get/17"), or null when the topic
 * is not one of the device's own service topics.
 */
export function operationOf(deviceId: string, topic: string): string | null {
  const bare = topic.startsWith(BASIC_INGEST) ? topic.slice(BASIC_INGEST.length) : topic;
  const prefix = `ioto/service/${deviceId}/`;
  if (!bare.startsWith(prefix) || bare.length === prefix.length) return null;
  return bare.slice(prefix.length);
}
