import type { DeviceIdentity } from "../broker/seam";
import { ApiError } from "../errors";
import { parseJsonObject } from "../http/body";
import { newId } from "../ids";
import { log } from "../log";
import { invoke, type Outcome } from "../pipeline/invoke";

// A device's MQTT request runs as the same verb over HTTP would, through invoke(): the same
// contract, limits, role check and service. The broker has proved who the device is by its
// certificate, so it is the caller's principal; the payload is the verb's body. The call's address
// is `mqtt:<device ID>`: the broker already limits refused connections per network address before
// TLS, and a certificate is one device's, so the address limit applies per device here (decision 015).

export async function invokeAsDevice(
  device: DeviceIdentity,
  verb: { controller: string; verb: string },
  payload: Buffer,
): Promise<Outcome> {
  return invoke({
    route: { surface: "tok", ...verb },
    caller: {
      kind: "principal",
      principal: {
        kind: "device",
        tokenId: `cert:${device.serial}`,
        deviceId: device.deviceId,
        accountId: device.accountId,
        label: device.deviceId,
      },
    },
    input: (limit) => {
      if (payload.length > limit) throw new ApiError("payload_too_large", `Body exceeds ${limit} bytes`);
      return Promise.resolve(parseJsonObject(payload.toString("utf8")));
    },
    requestId: newId(),
    address: `mqtt:${device.deviceId}`,
    origin: null,
  });
}

/** A publish's payload as a JSON object, for operations that are not verbs (sync); undefined, and a
 * log line, when it is not one. */
export function payloadObject(
  device: DeviceIdentity,
  op: string,
  payload: Buffer,
): Record<string, unknown> | undefined {
  try {
    return parseJsonObject(payload.toString("utf8"));
  } catch {
    log.warn("device message is not a JSON object", { deviceId: device.deviceId, op, bytes: payload.length });
    return undefined;
  }
}
