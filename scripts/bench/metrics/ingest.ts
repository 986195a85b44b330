import { setMetric } from "../../../lib/contracts/metric";
import type { PointRow, SeriesRow } from "../../../lib/db/metrics/store";
import { DEVICE_METRICS, devicePoints } from "../../../lib/demo/signals";
import { batchRowsOf } from "../../../lib/services/metrics/ingest";
import { median } from "../harness";

// Ingest: batches of 1,000 points from 4 concurrent clients, through /tok/metric/set with a device
// token each; the floor writes the same batches with ingest's own writer (./writer.ts).

export const BATCH_POINTS = 1000;
export const CLIENTS = 4;
const READINGS_PER_BATCH = BATCH_POINTS / DEVICE_METRICS.length;
const READING_MS = 1000;

/** One batch: a device's four metrics, 250 readings a second apart, as the body and as the rows. */
export interface DeviceBatch {
  body: string;
  series: SeriesRow[];
  points: PointRow[];
}

/** `count` consecutive batches of one device, the first starting at `start` (epoch ms). */
export function deviceBatches(deviceId: string, count: number, start: number): DeviceBatch[] {
  const batches: DeviceBatch[] = [];
  for (let b = 0; b < count; b++) {
    const readings = Array.from({ length: READINGS_PER_BATCH }, (_, k) =>
      devicePoints(deviceId, start + (b * READINGS_PER_BATCH + k) * READING_MS),
    ).flat();
    const { series, rows } = batchRowsOf(readings);
    const body = JSON.stringify({ points: readings.map((point) => ({ ...point, dimensions: [point.dimensions] })) });
    batches.push({ body, series, points: rows });
  }
  return batches;
}

/** How far back the batches of a run start, so that `count` of them end before now. */
export const batchesStart = (count: number, now: number) => now - count * READINGS_PER_BATCH * READING_MS - 60_000;

/** Points per second for the clients' batches sent concurrently, each client's in order. */
export async function pointsPerSecond(
  clients: DeviceBatch[][],
  send: (client: number, batch: DeviceBatch) => Promise<void>,
) {
  const started = performance.now();
  await Promise.all(
    clients.map(async (batches, client) => {
      for (const batch of batches) await send(client, batch);
    }),
  );
  const points = clients.reduce((sum, batches) => sum + batches.length * BATCH_POINTS, 0);
  return points / ((performance.now() - started) / 1000);
}

/** Through the API: each client posts its batches with its device's token. */
export function throughApi(base: string, tokens: string[], clients: DeviceBatch[][]) {
  return pointsPerSecond(clients, async (client, batch) => {
    const response = await fetch(`${base}/tok/metric/set`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens[client]}`, "Content-Type": "application/json" },
      body: batch.body,
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`metric/set answered ${response.status}: ${text}`);
  });
}

/**
 * A diagnostic, not a target: what merely reading one batch's body costs in process (JSON.parse
 * and the verb's contract), median ms of `times`. The request pays it before any row is written.
 */
export function readingCostMs(times = 50): number {
  const [batch] = deviceBatches("DIAGNOSTIC", 1, Date.now() - 3_600_000);
  const costs: number[] = [];
  for (let i = 0; i < times + 5; i++) {
    const started = performance.now();
    setMetric.input.parse(JSON.parse(batch!.body));
    if (i >= 5) costs.push(performance.now() - started);
  }
  return median(costs);
}
