import { log } from "../log";
import type { DeviceOp } from "./index";
import { invokeAsDevice } from "./invoke";

// metric/set and metric/get over MQTT (docs/api.md#mqtt): the Metric verbs through the pipeline,
// with the device's own ID in place of the literal ${deviceId} in dimensions (the service does it).

/** One-way: {metric, value, dimensions, buffer?}; the agent's `buffer` is ignored like any unknown field. */
const metricSet: DeviceOp = async (device, payload) => {
  const outcome = await invokeAsDevice(device, { controller: "metric", verb: "set" }, payload);
  if (!outcome.ok) log.warn("mqtt metric/set refused", { deviceId: device.deviceId, error: outcome.error.message });
  return [];
};

/**
 * Request/response: the answer on metric/get/<seq> is the bare value as text ("4.25"). With no
 * point in the period, or a refused request, it is `null`: the agent reads any text with strtod,
 * so it sees 0 as it would from its own cloud, and waits no 30 s for an answer that never comes.
 */
const metricGet: DeviceOp = async (device, payload, seq) => {
  const outcome = await invokeAsDevice(device, { controller: "metric", verb: "get" }, payload);
  if (!outcome.ok) log.warn("mqtt metric/get refused", { deviceId: device.deviceId, error: outcome.error.message });
  const value = outcome.ok ? (outcome.answer as { data: { value: number | null } }).data.value : null;
  return seq ? [{ topic: `metric/get/${seq}`, payload: value === null ? "null" : String(value) }] : [];
};

export const metricOps: Record<string, DeviceOp> = { "metric/set": metricSet, "metric/get": metricGet };
