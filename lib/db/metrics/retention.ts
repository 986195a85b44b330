import { env } from "../../env";
import type { Resolution } from "../../metrics/aggregate";
import { db } from "../client";
import { sqliteTime } from "../raw-reader";

// Metric retention (decision 012): old data goes in bounded steps, never millions of rows in one
// statement. On PostgreSQL raw points live in day partitions, dropped whole once past the cutoff;
// everything else is deleted in chunks of CHUNK rows, each its own short statement, so requests
// run between them (on SQLite the gate lets waiting statements in between; decision 011).

const CHUNK = 5_000;
const DAY = 86_400_000;

const engine = () => env().engine;

/** The physical row identity each engine offers for chunked deletes. */
const rowId = () => (engine() === "sqlite" ? "rowid" : "ctid");
const mark = (index: number) => (engine() === "sqlite" ? "?" : `$${index}`);

/** Deletes matching rows of `table` CHUNK at a time; answers how many went. */
async function deleteInChunks(table: string, condition: string, params: unknown[]): Promise<number> {
  const id = rowId();
  const sql = `DELETE FROM "${table}" WHERE ${id} IN (SELECT ${id} FROM "${table}" WHERE ${condition} LIMIT ${CHUNK})`;
  let total = 0;
  for (;;) {
    const deleted = await db().$executeRawUnsafe(sql, ...params);
    total += deleted;
    if (deleted < CHUNK) return total;
  }
}

const partitionName = (dayStart: number) =>
  `MetricPoint_p${new Date(dayStart).toISOString().slice(0, 10).replace(/-/g, "")}`;
const dayOfPartition = (name: string) =>
  Date.parse(name.replace(/^MetricPoint_p(\d{4})(\d\d)(\d\d)$/, "$1-$2-$3T00:00:00Z"));

/** PostgreSQL: the day partitions of raw points that exist, by name. */
async function dayPartitions(): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT c.relname AS "name" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid ` +
      `JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'MetricPoint' AND c.relname LIKE 'MetricPoint_p%'`,
  );
  return rows.map((row) => row.name);
}

/**
 * PostgreSQL: makes sure a day partition exists for every UTC day in [from, to]. A day whose rows
 * already sit in the default partition keeps them there (creating it would fail): the retention
 * run deletes them in chunks instead. Answers the partitions created.
 */
export async function ensurePointPartitions(from: number, to: number): Promise<string[]> {
  if (engine() !== "postgres") return [];
  const existing = new Set(await dayPartitions());
  const created: string[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day <= to; day += DAY) {
    const name = partitionName(day);
    if (existing.has(name)) continue;
    try {
      await db().$executeRawUnsafe(
        `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "MetricPoint" FOR VALUES FROM (${day}) TO (${day + DAY})`,
      );
      created.push(name);
    } catch {
      // Rows of that day in the default partition, or another worker made it first: both are fine.
    }
  }
  return created;
}

/**
 * Raw points stamped before `cutoff`: whole day partitions dropped where they exist; the rest
 * series by series, in chunks, through the (series, time) index that ingest keeps anyway.
 */
export async function deletePointsBefore(cutoff: number): Promise<{ partitions: number; rows: number }> {
  let partitions = 0;
  if (engine() === "postgres") {
    for (const name of await dayPartitions()) {
      if (dayOfPartition(name) + DAY > cutoff) continue;
      try {
        await db().$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
        partitions++;
      } catch {
        // Another worker's run dropped it first: the rest of this run goes on.
      }
    }
  }
  const table = engine() === "postgres" ? "MetricPoint_default" : "MetricPoint";
  const series = await db().metricSeries.findMany({ select: { id: true } });
  let rows = 0;
  for (const { id } of series)
    rows += await deleteInChunks(table, `"seriesId" = ${mark(1)} AND "timestamp" < ${mark(2)}`, [id, cutoff]);
  return { partitions, rows };
}

export const deleteRollupsBefore = (resolution: Resolution, cutoff: number) =>
  deleteInChunks("MetricRollup", `"resolution" = ${mark(1)} AND "bucket" < ${mark(2)}`, [resolution, cutoff]);

/** The raw points of series that are gone (their account closed), which no query reaches any more. */
export async function deletePointsOfSeries(seriesIds: readonly number[]): Promise<number> {
  let total = 0;
  for (const id of seriesIds) total += await deleteInChunks("MetricPoint", `"seriesId" = ${mark(1)}`, [id]);
  return total;
}

export async function seriesIdsOfAccount(accountId: string): Promise<number[]> {
  const rows = await db().metricSeries.findMany({ where: { accountId }, select: { id: true } });
  return rows.map((row) => row.id);
}

export const deleteIdempotencyKeysBefore = (cutoff: Date) =>
  deleteInChunks("IdempotencyKey", `"created" < ${mark(1)}`, [engine() === "sqlite" ? sqliteTime(cutoff) : cutoff]);
