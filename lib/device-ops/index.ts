import type { DeviceIdentity } from "../broker/seam";
import { metricOps } from "./metric";
import { storeGet, storeSet } from "./store";
import { syncToCloud, syncToDevice } from "./sync";

// What the cloud does with a device's publishes, by operation (the topic after
// ioto/service/<id>/). Each handler answers the messages to send back to that device, in order,
// as topics relative to ioto/device/<id>/; the caller delivers them one acknowledged message at a
// time through the broker seam.

export interface DeviceReply {
  /** Relative to ioto/device/<id>/, e.g. "metric/get/17" or "sync/SYNCDOWN". */
  topic: string;
  payload: string;
}

/** `rest` is what follows the operation in the topic (the request's sequence, "17"), or "". */
export type DeviceOp = (device: DeviceIdentity, payload: Buffer, rest: string) => Promise<DeviceReply[]>;

/** The operations devices may publish; filled by each part of the device protocol. */
export const deviceOps: Readonly<Record<string, DeviceOp>> = {
  ...metricOps,
  "store/set": storeSet,
  "store/get": storeGet,
  "db/syncToDynamo": syncToCloud,
  "db/syncDown": syncToDevice,
};
