import { DEVICE_METRICS, reading, type DeviceMetric } from "../../lib/demo/signals";

// What a simulated device measures: the demo's signals (lib/demo/signals.ts), unless it is told
// to run hot (--temperature): then every temperature it reads is that value, so an action on
// temperature can be watched firing.

export type Readings = (metric: DeviceMetric, time: number) => number;

export interface ReadingOptions {
  /** °C every temperature reading is, instead of the signal's. */
  temperature?: number;
}

export function readingsOf(deviceId: string, options: ReadingOptions = {}): Readings {
  return (metric, time) =>
    metric === "temperature" && options.temperature !== undefined
      ? options.temperature
      : reading(deviceId, metric, time);
}

/**
 * Every metric's readings over the `spanMs` before `now`, one round every `intervalMs` (the last
 * round an interval before `now`, which the live rounds then take over): what a device that had
 * been buffering sends when it connects (--backfill).
 */
export function pastReadings(readings: Readings, now: number, spanMs: number, intervalMs: number) {
  const points = [];
  for (let time = now - spanMs; time < now; time += intervalMs) {
    for (const metric of DEVICE_METRICS) points.push({ metric, value: readings(metric, time), timestamp: time });
  }
  return points;
}
