import { ensurePointPartitions } from "../../lib/db/metrics/retention";
import { devicePoints } from "../../lib/demo/signals";
import { storePoints } from "../../lib/services/metrics";

// The demo fleet's past: what the simulator would have sent over the last week, one reading of
// each metric every five minutes, on a fixed grid. Each run stores only the grid instants after
// the last one it stored, so running the demo again fills the time since without doubling any.

export const HISTORY_MS = 7 * 86_400_000;
export const HISTORY_STEP_MS = 300_000;

/** The grid instants in (after, until], never further back than a week before `until`. */
export function historyInstants(after: number | undefined, until: number): number[] {
  const from = Math.max(after ?? -Infinity, until - HISTORY_MS);
  const instants: number[] = [];
  for (let t = Math.floor(from / HISTORY_STEP_MS + 1) * HISTORY_STEP_MS; t <= until; t += HISTORY_STEP_MS)
    instants.push(t);
  return instants;
}

/** Stores every device's readings at those instants in one transaction; answers the last instant. */
export async function seedHistory(
  accountId: string,
  deviceIds: readonly string[],
  after: number | undefined,
  now: number,
): Promise<{ points: number; until: number | undefined }> {
  const instants = historyInstants(after, now);
  if (!instants.length) return { points: 0, until: after };
  // On PostgreSQL the days get their partitions first: rows put in the default partition would
  // keep those days from ever having one (lib/db/metrics/retention.ts).
  await ensurePointPartitions(instants[0]!, instants.at(-1)!);
  const points = deviceIds.flatMap((id) => instants.flatMap((t) => devicePoints(id, t)));
  return { points: await storePoints(accountId, points), until: instants.at(-1) };
}
