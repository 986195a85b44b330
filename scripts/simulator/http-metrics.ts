import { devicePoints } from "../../lib/demo/signals";
import { callDevice, type Cloud, type Fetch } from "./cloud-api";
import type { Say } from "./say";

// --http: metrics over the HTTP API instead of MQTT, for a cloud without a broker. Every interval
// the device sends `batch` readings of each metric, taken evenly over that interval, to
// <api>/tok/metric/set with its device token, until the cloud no longer knows it or its token.

export interface HttpMetricsOptions {
  fetch: Fetch;
  intervalMs: number;
  batch: number;
  say: Say;
  stopped: () => boolean;
  sleep: (ms: number) => Promise<void>;
}

/** `batch` readings of every metric, evenly spaced over the interval that ends at `now`. */
function readings(id: string, now: number, intervalMs: number, batch: number) {
  const points = [];
  for (let k = batch - 1; k >= 0; k--) {
    for (const point of devicePoints(id, Math.round(now - (k * intervalMs) / batch))) {
      points.push({ ...point, dimensions: [point.dimensions] });
    }
  }
  return points;
}

/** Sends readings every interval; answers why it stopped (the cloud forgot the device), or undefined when stopped. */
export async function reportOverHttp(
  id: string,
  cloud: Cloud,
  options: HttpMetricsOptions,
): Promise<string | undefined> {
  const { intervalMs, batch, say } = options;
  let stored = false;
  for (let next = Date.now(); !options.stopped(); next += intervalMs) {
    await options.sleep(Math.max(0, next - Date.now()));
    const points = readings(id, Date.now(), intervalMs, batch);
    const answer = await callDevice(options.fetch, cloud, "metric/set", { points });
    if (answer.kind === "forget") return answer.reason;
    if (answer.kind === "failed") say(answer.problem, "error");
    else if (!stored) {
      say(`metrics stored: ${JSON.stringify(answer.value)}; sending every ${intervalMs / 1000} s`);
      stored = true;
    }
  }
  return undefined;
}
