import type { DeviceIdentity } from "../broker/seam";
import { newId } from "../ids";
import { log } from "../log";
import { invoke, type Outcome } from "../pipeline/invoke";
import type { Principal } from "../services/context";

// A device's publish that is a verb (store/set, store/get) goes through the same pipeline as the
// HTTP call, with the device proved by its certificate instead of a token.

export function devicePrincipal(device: DeviceIdentity): Principal {
  return {
    kind: "device",
    tokenId: `certificate:${device.serial}`,
    deviceId: device.deviceId,
    accountId: device.accountId,
    label: device.deviceId,
  };
}

export function invokeAsDevice(
  device: DeviceIdentity,
  controller: string,
  verb: string,
  input: Record<string, unknown>,
): Promise<Outcome> {
  return invoke({
    route: { surface: "tok", controller, verb },
    caller: { kind: "principal", principal: devicePrincipal(device) },
    input,
    requestId: newId(),
    address: `mqtt:${device.deviceId}`,
    origin: null,
  });
}

/** A publish's payload as a JSON object; undefined (and a log line) when it is not one. */
export function payloadObject(
  device: DeviceIdentity,
  op: string,
  payload: Buffer,
): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(payload.toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Logged below.
  }
  log.warn("device message is not a JSON object", { deviceId: device.deviceId, op, bytes: payload.length });
  return undefined;
}
