import { DEVICE_METRICS, DEVICE_NAMESPACE } from "../../lib/demo/signals";
import { MAX_BATCH_POINTS } from "../../lib/contracts/metric";
import { callDevice, type Cloud, type Fetch } from "./cloud-api";
import { pastReadings, type Readings } from "./readings";
import type { Say } from "./say";

// --http: metrics over the HTTP API instead of MQTT, for a cloud without a broker. Every interval
// the device sends `batch` readings of each metric, taken evenly over that interval, to
// <api>/tok/metric/set with its device token, until the cloud no longer knows it or its token.

export interface HttpMetricsOptions {
  fetch: Fetch;
  readings: Readings;
  /** First send the readings of this many past milliseconds (0: none). */
  backfillMs: number;
  intervalMs: number;
  batch: number;
  say: Say;
  stopped: () => boolean;
  sleep: (ms: number) => Promise<void>;
}

/** Points of metric/set in the device's own series. */
const pointsOf = (id: string, readings: ReadonlyArray<{ metric: string; value: number; timestamp: number }>) =>
  readings.map((one) => ({ ...one, namespace: DEVICE_NAMESPACE, dimensions: [{ Device: id }] }));

/** `batch` readings of every metric, evenly spaced over the interval that ends at `now`. */
function latest(id: string, readings: Readings, now: number, intervalMs: number, batch: number) {
  const taken = [];
  for (let k = batch - 1; k >= 0; k--) {
    const timestamp = Math.round(now - (k * intervalMs) / batch);
    for (const metric of DEVICE_METRICS) taken.push({ metric, value: readings(metric, timestamp), timestamp });
  }
  return pointsOf(id, taken);
}

/** Sends readings every interval; answers why it stopped (the cloud forgot the device), or undefined when stopped. */
export async function reportOverHttp(
  id: string,
  cloud: Cloud,
  options: HttpMetricsOptions,
): Promise<string | undefined> {
  const { intervalMs, batch, say } = options;
  let stored = false;
  if (options.backfillMs > 0) {
    const past = pointsOf(id, pastReadings(options.readings, Date.now(), options.backfillMs, intervalMs));
    for (let start = 0; start < past.length; start += MAX_BATCH_POINTS) {
      const answer = await callDevice(options.fetch, cloud, "metric/set", {
        points: past.slice(start, start + MAX_BATCH_POINTS),
      });
      if (answer.kind === "forget") return answer.reason;
      if (answer.kind === "failed") say(answer.problem, "error");
    }
    say(`sent ${past.length} readings of the past ${options.backfillMs / 1000} s`);
  }
  for (let next = Date.now(); !options.stopped(); next += intervalMs) {
    await options.sleep(Math.max(0, next - Date.now()));
    const points = latest(id, options.readings, Date.now(), intervalMs, batch);
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
