import {
  deleteIdempotencyKeysBefore,
  deletePointsBefore,
  deleteRollupsBefore,
  ensurePointPartitions,
} from "../../db/metrics/retention";
import { env } from "../../env";
import { RESOLUTIONS } from "../../metrics/aggregate";

// One retention run (decision 012): each resolution keeps its configured days, Idempotency-Keys a
// day; on PostgreSQL the raw points' day partitions are made two days ahead and dropped when old.

const DAY = 86_400_000;
/** Idempotency-Keys are remembered this long: a client retries within minutes, not days. */
const KEY_DAYS = 1;

export interface RetentionReport {
  partitionsCreated: number;
  partitionsDropped: number;
  points: number;
  rollups: Record<number, number>;
  keys: number;
}

export async function enforceMetricRetention(now = Date.now()): Promise<RetentionReport> {
  const days = env().metricRetentionDays;
  const created = await ensurePointPartitions(now - days.raw * DAY, now + 2 * DAY);
  const points = await deletePointsBefore(now - days.raw * DAY);
  const rollups: Record<number, number> = {};
  for (const resolution of RESOLUTIONS)
    rollups[resolution] = await deleteRollupsBefore(resolution, now - days[resolution] * DAY);
  const keys = await deleteIdempotencyKeysBefore(new Date(now - KEY_DAYS * DAY));
  return {
    partitionsCreated: created.length,
    partitionsDropped: points.partitions,
    points: points.rows,
    rollups,
    keys,
  };
}
