import { rollupsOf } from "../../metrics/aggregate";
import type { Prisma } from "../generated/sqlite/client";
import {
  claimIdempotencyKey,
  insertPoints,
  POINT_COLUMNS,
  ROLLUP_COLUMNS,
  rowsPerStatement,
  SERIES_COLUMNS,
  upsertRollups,
  upsertSeries,
  type Engine,
} from "./statements";

// Metric ingest's writes (decision 012): inside the caller's transaction, the batch's series, its raw
// points and its rollups, each as few multi-row statements as the engine's bind limit allows.

type Tx = Prisma.TransactionClient;

/** One series a batch writes, with its newest point in the batch. */
export interface SeriesRow {
  key: string;
  namespace: string;
  metric: string;
  /** Canonical JSON of the dimension set. */
  dimensions: string;
  deviceId: string | null;
  last: number;
  lastTimestamp: number;
}

export interface PointRow {
  seriesKey: string;
  timestamp: number;
  value: number;
}

/** Runs `sql` once per chunk of `rows`, each row flattened to its columns. */
async function inChunks<Row>(
  rows: readonly Row[],
  columns: number,
  sqlFor: (count: number) => string,
  flatten: (row: Row, into: unknown[]) => void,
  run: (sql: string, params: unknown[]) => Promise<unknown>,
): Promise<void> {
  const size = rowsPerStatement(columns);
  for (let from = 0; from < rows.length; from += size) {
    const chunk = rows.slice(from, from + size);
    const params: unknown[] = [];
    for (const row of chunk) flatten(row, params);
    await run(sqlFor(chunk.length), params);
  }
}

/** Prisma's DateTime text on SQLite; PostgreSQL takes the Date. */
const createdValue = (engine: Engine, now: Date) =>
  engine === "sqlite" ? now.toISOString().replace("Z", "+00:00") : now;

/** False when the key was stored before: the batch is a retry and must write nothing. */
export async function claimBatchKey(tx: Tx, engine: Engine, accountId: string, key: string, now: Date) {
  return (await tx.$executeRawUnsafe(claimIdempotencyKey(engine), accountId, key, createdValue(engine, now))) === 1;
}

/** Writes a batch: its series (created or their newest point kept), raw points and rollups. */
export async function storeBatch(
  tx: Tx,
  engine: Engine,
  accountId: string,
  series: readonly SeriesRow[],
  points: readonly PointRow[],
  now: Date,
): Promise<void> {
  const ids = new Map<string, number>();
  const created = createdValue(engine, now);
  await inChunks(
    series,
    SERIES_COLUMNS.length,
    (count) => upsertSeries(engine, count),
    (s, into) =>
      into.push(accountId, s.deviceId, s.namespace, s.metric, s.dimensions, s.key, s.last, s.lastTimestamp, created),
    async (sql, params) => {
      for (const row of await tx.$queryRawUnsafe<Array<{ id: number; key: string }>>(sql, ...params))
        ids.set(row.key, Number(row.id));
    },
  );
  const rows = points.map((p) => ({ seriesId: ids.get(p.seriesKey)!, timestamp: p.timestamp, value: p.value }));
  const run = (sql: string, params: unknown[]) => tx.$executeRawUnsafe(sql, ...params);
  await inChunks(
    rows,
    POINT_COLUMNS.length,
    (count) => insertPoints(engine, count),
    (p, into) => into.push(p.seriesId, p.timestamp, p.value),
    run,
  );
  await inChunks(
    rollupsOf(rows),
    ROLLUP_COLUMNS.length,
    (count) => upsertRollups(engine, count),
    (r, into) => into.push(r.seriesId, r.resolution, r.bucket, r.count, r.sum, r.min, r.max, r.last, r.lastTimestamp),
    run,
  );
}
