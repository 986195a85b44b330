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
//
// Group commit: batches that arrive while a transaction is being written wait and go together in
// the next one, so devices streaming a point per message share a commit (one a message cost more
// than its rows). Each caller still gets its own batch's outcome: its key claimed or found, and a
// group that fails is written again batch by batch, so one batch's failure is its own.

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
  /** One transaction for the group; per batch, false when its key was stored before (nothing written). */
  write(group: readonly Batch[]): Promise<boolean[]>;
  close(): Promise<void>;
}

/** Series are one account's by key; a group may hold several accounts' batches. */
const accountKey = (accountId: string, key: string) => `${accountId}\n${key}`;

interface GroupSeries extends SeriesRow {
  accountId: string;
}

/**
 * The series of a group's claimed batches, one row per account and key with the newest point of
 * all (a key twice in one PostgreSQL upsert is an error; on SQLite it is a statement too many).
 */
function seriesOf(group: readonly Batch[], claimed: readonly boolean[]): GroupSeries[] {
  const series = new Map<string, GroupSeries>();
  group.forEach((batch, index) => {
    if (!claimed[index]) return;
    for (const s of batch.series) {
      const key = accountKey(batch.accountId, s.key);
      const known = series.get(key);
      if (!known) series.set(key, { ...s, accountId: batch.accountId });
      else if (s.lastTimestamp >= known.lastTimestamp) {
        known.last = s.last;
        known.lastTimestamp = s.lastTimestamp;
      }
    }
  });
  return [...series.values()];
}

/** The raw points of a group's claimed batches, by series ID (keyed as `accountKey`). */
function pointsOf(group: readonly Batch[], claimed: readonly boolean[], ids: ReadonlyMap<string, number>) {
  const rows: Array<{ seriesId: number; timestamp: number; value: number }> = [];
  group.forEach((batch, index) => {
    if (!claimed[index]) return;
    for (const p of batch.points)
      rows.push({
        seriesId: ids.get(accountKey(batch.accountId, p.seriesKey))!,
        timestamp: p.timestamp,
        value: p.value,
      });
  });
  return rows;
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
  const write = connection.transaction((group: readonly Batch[]): boolean[] => {
    const now = sqliteTime(new Date());
    // A key twice in one group: the first batch claims it, the second finds it claimed.
    const claimed = group.map((b) => b.key === null || key.run(b.accountId, b.key, now).changes > 0);
    const ids = new Map<string, number>();
    for (const s of seriesOf(group, claimed)) {
      const row = series.get(
        s.accountId,
        s.deviceId,
        s.namespace,
        s.metric,
        s.dimensions,
        s.key,
        s.last,
        s.lastTimestamp,
        now,
      )!;
      ids.set(accountKey(s.accountId, row.key), row.id);
    }
    const rows = pointsOf(group, claimed, ids);
    for (const p of rows) point.run(p.seriesId, p.timestamp, p.value);
    for (const r of rollupsOf(rows))
      rollup.run(r.seriesId, r.resolution, r.bucket, r.count, r.sum, r.min, r.max, r.last, r.lastTimestamp);
    return claimed;
  });
  return {
    // Immediate: the write lock is taken at BEGIN, never upgraded half-way.
    write: (group) => outsidePrismaTransactions(() => write.immediate(group)),
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

/** Two groups lock the same rows in one order (keys, series, rollups by their keys), so they never deadlock. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySeriesKey = (a: GroupSeries, b: GroupSeries) => byText(a.accountId, b.accountId) || byText(a.key, b.key);
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
  /** Claims the group's keys; per batch, whether it is to be written. */
  async function claim(client: pg.PoolClient, group: readonly Batch[]): Promise<boolean[]> {
    const keys = [...new Set(group.flatMap((b) => (b.key === null ? [] : [accountKey(b.accountId, b.key)])))].sort(
      byText,
    );
    if (!keys.length) return group.map(() => true);
    const split = keys.map((k) => k.split("\n") as [string, string]);
    const stored = await run(client, "key", [split.map(([a]) => a), split.map(([, k]) => k)]);
    const fresh = new Set(
      stored.rows.map((row: { accountId: string; key: string }) => accountKey(row.accountId, row.key)),
    );
    // A key twice in one group: the first batch claims it, the second finds it claimed.
    return group.map((b) => b.key === null || fresh.delete(accountKey(b.accountId, b.key)));
  }
  async function once(group: readonly Batch[]): Promise<boolean[]> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const claimed = await claim(client, group);
      const s = seriesOf(group, claimed).sort(bySeriesKey);
      if (s.length) {
        const stored = await run(client, "series", [
          s.map((x) => x.accountId),
          s.map((x) => x.deviceId),
          s.map((x) => x.namespace),
          s.map((x) => x.metric),
          s.map((x) => x.dimensions),
          s.map((x) => x.key),
          s.map((x) => x.last),
          s.map((x) => x.lastTimestamp),
        ]);
        const ids = new Map(
          stored.rows.map((row: { id: number; accountId: string; key: string }) => [
            accountKey(row.accountId, row.key),
            row.id,
          ]),
        );
        const rows = pointsOf(group, claimed, ids);
        await run(client, "point", [
          rows.map((p) => p.seriesId),
          rows.map((p) => p.timestamp),
          rows.map((p) => p.value),
        ]);
        await run(client, "rollup", rollupColumns(rollupsOf(rows).sort(byRollupKey)));
      }
      await client.query("COMMIT");
      return claimed;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return {
    async write(group) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(group);
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

function writerOf(): Writer {
  const { engine, databaseUrl } = env();
  if (!writer) {
    writer = engine === "sqlite" ? sqliteWriter(databaseUrl.replace(/^file:/, "")) : postgresWriter(databaseUrl);
    closeOnDisconnect(closeWriter);
  }
  return writer;
}

async function closeWriter(): Promise<void> {
  await writer?.close();
  writer = undefined;
}

/** Points a group holds at most: a batch of the largest request (10,000 points) alone. A larger batch goes alone. */
const GROUP_POINTS = 10_000;

interface Waiting {
  batch: Batch;
  resolve(stored: boolean): void;
  reject(error: unknown): void;
}

const waiting: Waiting[] = [];
/** One group is written at a time, per process and engine: the next waits for its end. */
let flushing = false;
const committed = { groups: 0, batches: 0 };

/** Transactions committed by ingest in this process, and the batches they held (grouping at work). */
export const groupCommits = (): Readonly<typeof committed> => ({ ...committed });

/**
 * Stores a batch in one transaction, shared with the batches that arrive meanwhile; false when
 * its Idempotency-Key was stored before.
 */
export function storeBatch(batch: Batch): Promise<boolean> {
  const stored = new Promise<boolean>((resolve, reject) => waiting.push({ batch, resolve, reject }));
  if (!flushing) {
    flushing = true;
    // The rest of this turn's writes (a read of many devices' messages) join the first.
    setImmediate(() => void flush());
  }
  return stored;
}

async function flush(): Promise<void> {
  while (waiting.length) await commit(nextGroup());
  flushing = false;
}

function nextGroup(): Waiting[] {
  let count = 1;
  let points = waiting[0]!.batch.points.length;
  while (count < waiting.length && points + waiting[count]!.batch.points.length <= GROUP_POINTS)
    points += waiting[count++]!.batch.points.length;
  return waiting.splice(0, count);
}

/** Settles each caller with its batch's outcome; never throws. */
async function commit(group: Waiting[]): Promise<void> {
  try {
    const stored = await writerOf().write(group.map((w) => w.batch));
    committed.groups++;
    committed.batches += group.length;
    group.forEach((w, index) => w.resolve(stored[index]!));
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    // Nothing of the group was written: each batch alone, so a failure (an account closed since
    // its batch was checked) is only its own batch's.
    for (const w of group) await commit([w]);
  }
}
