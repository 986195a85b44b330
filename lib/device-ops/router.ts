import { deviceTopic, type DeviceBroker, type DeviceEvents } from "../broker/seam";
import { log } from "../log";
import { recordDeviceContact } from "../services/device-contact";
import { deviceConnected, deviceDisconnected } from "../services/device-connection";
import { sendToDevice } from "../services/device-items/delivery";
import { deviceOps, type DeviceOp } from "./index";

// What the cloud does with a broker's device events (decision 015): a publish runs its operation
// and the replies go back through the broker, in order; connects and disconnects set the device's
// connection state.

/** The operation a topic's rest names, by its longest known prefix; what follows is the request's sequence. */
export function findDeviceOp(
  op: string,
  ops: Readonly<Record<string, DeviceOp>> = deviceOps,
): { handle: DeviceOp; rest: string } | null {
  const parts = op.split("/");
  for (let length = parts.length; length > 0; length--) {
    const name = parts.slice(0, length).join("/");
    if (Object.hasOwn(ops, name)) return { handle: ops[name]!, rest: parts.slice(length).join("/") };
  }
  return null;
}

export function deviceEvents(broker: DeviceBroker): DeviceEvents {
  return {
    async published(device, op, payload) {
      await recordDeviceContact(device.deviceId, new Date());
      const found = findDeviceOp(op);
      if (!found) {
        log.warn("mqtt unknown device operation ignored", { deviceId: device.deviceId, op });
        return;
      }
      const replies = await found.handle(device, payload, found.rest);
      log.debug("mqtt device operation", {
        deviceId: device.deviceId,
        op,
        bytes: payload.length,
        replies: replies.length,
      });
      // Sent in order: the broker queues each behind the one before; nobody waits for the device here.
      for (const reply of replies) {
        sendToDevice(broker, device.deviceId, deviceTopic(device.deviceId, reply.topic), reply.payload).catch(
          (error: unknown) =>
            log.error("mqtt reply not sent", {
              deviceId: device.deviceId,
              topic: reply.topic,
              error: error instanceof Error ? error.message : String(error),
            }),
        );
      }
    },
    connected: (device) => deviceConnected(device),
    disconnected: (device) => deviceDisconnected(device),
  };
}
