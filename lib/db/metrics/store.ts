import Database from "better-sqlite3";
import pg from "pg";
import { env } from "../../env";
import { rollupsOf, type RollupRow } from "../../metrics/aggregate";
import { closeOnDisconnect, outsidePrismaTransactions } from "../client";
import { sqliteTime } from "../raw-reader";
import { POSTGRES, SQLITE } from "./statements";

// Metric ingest's writes (decision 012): a batch's series, raw points and rollups in one
// transaction on a connection of the writer's own, with prepared statements. Through Prisma the
// same rows cost several times as much (its raw queries convert every argument and prepare every
// time), and a batch of a thousand points is ingest's whole cost.

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

export interface Batch {
  accountId: string;
  /** The caller's Idempotency-Key: a batch whose key was stored before writes nothing. */
  key: string | null;
  series: readonly SeriesRow[];
  points: readonly PointRow[];
}

interface Writer {
  /** False when the batch's key was stored before (nothing written). */
  write(batch: Batch): Promise<boolean>;
  close(): Promise<void>;
}

/** The rows of a batch once its series have IDs. */
function pointsWithIds(batch: Batch, ids: ReadonlyMap<string, number>) {
  return batch.points.map((p) => ({ seriesId: ids.get(p.seriesKey)!, timestamp: p.timestamp, value: p.value }));
}

function sqliteWriter(file: string): Writer {
  const connection = new Database(file, { timeout: 10_000 });
  // In WAL mode NORMAL survives a crash of the process; a power cut may undo the last batches
  // (FULL would sync the log at every commit, a third of a batch's time). Decision 012.
  connection.pragma("synchronous = NORMAL");
  const series = connection.prepare<unknown[], { id: number; key: string }>(SQLITE.series);
  const point = connection.prepare(SQLITE.point);
  const rollup = connection.prepare(SQLITE.rollup);
  const key = connection.prepare(SQLITE.key);
  const write = connection.transaction((batch: Batch): boolean => {
    const now = sqliteTime(new Date());
    if (batch.key !== null && key.run(batch.accountId, batch.key, now).changes === 0) return false;
    const ids = new Map<string, number>();
    for (const s of batch.series) {
      const row = series.get(
        batch.accountId,
        s.deviceId,
        s.namespace,
        s.metric,
        s.dimensions,
        s.key,
        s.last,
        s.lastTimestamp,
        now,
      )!;
      ids.set(row.key, row.id);
    }
    const rows = pointsWithIds(batch, ids);
    for (const p of rows) point.run(p.seriesId, p.timestamp, p.value);
    for (const r of rollupsOf(rows))
      rollup.run(r.seriesId, r.resolution, r.bucket, r.count, r.sum, r.min, r.max, r.last, r.lastTimestamp);
    return true;
  });
  return {
    // Immediate: the write lock is taken at BEGIN, never upgraded half-way.
    write: (batch) => outsidePrismaTransactions(() => write.immediate(batch)),
    close: async () => void connection.close(),
  };
}

/** Column arrays of the rollup rows, in the statement's order. */
function rollupColumns(rows: readonly RollupRow[]): unknown[][] {
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], []];
  for (const r of rows) {
    const values = [r.seriesId, r.resolution, r.bucket, r.count, r.sum, r.min, r.max, r.last, r.lastTimestamp];
    values.forEach((value, index) => columns[index]!.push(value));
  }
  return columns;
}

/** Two batches lock the same rows in one order (series by key, rollups by their key), so they never deadlock. */
const bySeriesKey = (a: SeriesRow, b: SeriesRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byRollupKey = (a: RollupRow, b: RollupRow) =>
  a.seriesId - b.seriesId || a.resolution - b.resolution || a.bucket - b.bucket;

/** PostgreSQL's deadlock and serialization failures: the transaction may simply run again. */
const RETRIED = new Set(["40P01", "40001"]);
const ATTEMPTS = 3;

function postgresWriter(connectionString: string): Writer {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // Named: parsed and planned once per connection.
  const run = (client: pg.PoolClient, name: keyof typeof POSTGRES, values: unknown[]) =>
    client.query({ name: `metric_${name}`, text: POSTGRES[name], values });
  async function once(batch: Batch): Promise<boolean> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      if (batch.key !== null && (await run(client, "key", [batch.accountId, batch.key])).rowCount === 0) {
        await client.query("ROLLBACK");
        return false;
      }
      const s = [...batch.series].sort(bySeriesKey);
      const stored = await run(client, "series", [
        batch.accountId,
        s.map((x) => x.deviceId),
        s.map((x) => x.namespace),
        s.map((x) => x.metric),
        s.map((x) => x.dimensions),
        s.map((x) => x.key),
        s.map((x) => x.last),
        s.map((x) => x.lastTimestamp),
      ]);
      const ids = new Map(stored.rows.map((row: { id: number; key: string }) => [row.key, row.id]));
      const rows = pointsWithIds(batch, ids);
      await run(client, "point", [rows.map((p) => p.seriesId), rows.map((p) => p.timestamp), rows.map((p) => p.value)]);
      await run(client, "rollup", rollupColumns(rollupsOf(rows).sort(byRollupKey)));
      await client.query("COMMIT");
      return true;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return {
    async write(batch) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(batch);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (attempt >= ATTEMPTS || !code || !RETRIED.has(code)) throw error;
        }
      }
    },
    close: () => pool.end(),
  };
}

let writer: Writer | undefined;

/** Stores a batch in one transaction; false when its Idempotency-Key was stored before. */
export function storeBatch(batch: Batch): Promise<boolean> {
  const { engine, databaseUrl } = env();
  if (!writer) {
    writer = engine === "sqlite" ? sqliteWriter(databaseUrl.replace(/^file:/, "")) : postgresWriter(databaseUrl);
    closeOnDisconnect(closeWriter);
  }
  return writer.write(batch);
}

async function closeWriter(): Promise<void> {
  await writer?.close();
  writer = undefined;
}
