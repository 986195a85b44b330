// The SQL of metric ingest, per engine (decision 012). Ingest writes with multi-row statements:
// one per table and chunk, not one per point. The benchmark's floor writes the same rows with the
// same statements, prepared, outside Prisma (scripts/bench/metrics.ts).

export type Engine = "sqlite" | "postgres";

/** Columns each table is written with, in order. */
export const POINT_COLUMNS = ["seriesId", "timestamp", "value"] as const;
export const ROLLUP_COLUMNS = [
  "seriesId",
  "resolution",
  "bucket",
  "count",
  "sum",
  "min",
  "max",
  "last",
  "lastTimestamp",
] as const;
export const SERIES_COLUMNS = [
  "accountId",
  "deviceId",
  "namespace",
  "metric",
  "dimensions",
  "key",
  "last",
  "lastTimestamp",
  "created",
] as const;

/** Rows per statement: SQLite binds at most 32,766 values, PostgreSQL 65,535. */
export const rowsPerStatement = (columns: number): number => Math.floor(30_000 / columns);

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

function values(engine: Engine, columns: number, rows: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const marks: string[] = [];
    for (let column = 1; column <= columns; column++)
      marks.push(engine === "sqlite" ? "?" : `$${row * columns + column}`);
    tuples.push(`(${marks.join(", ")})`);
  }
  return tuples.join(", ");
}

// SQLite's two-argument min()/max() are PostgreSQL's LEAST()/GREATEST().
const least = (engine: Engine) => (engine === "sqlite" ? "min" : "LEAST");
const greatest = (engine: Engine) => (engine === "sqlite" ? "max" : "GREATEST");

/** The newer of two (value, time) pairs wins; a tie goes to the write arriving later. */
const newer = (engine: Engine, table: string, column: string) =>
  `"${column}" = CASE WHEN excluded."lastTimestamp" >= "${table}"."lastTimestamp" THEN excluded."${column}" ELSE "${table}"."${column}" END`;

export function insertPoints(engine: Engine, rows: number): string {
  return `INSERT INTO "MetricPoint" (${quoted(POINT_COLUMNS)}) VALUES ${values(engine, POINT_COLUMNS.length, rows)}`;
}

/** Adds a batch's aggregates to the stored ones, bucket by bucket. */
export function upsertRollups(engine: Engine, rows: number): string {
  const t = "MetricRollup";
  return (
    `INSERT INTO "${t}" (${quoted(ROLLUP_COLUMNS)}) VALUES ${values(engine, ROLLUP_COLUMNS.length, rows)} ` +
    `ON CONFLICT ("seriesId", "resolution", "bucket") DO UPDATE SET ` +
    `"count" = "${t}"."count" + excluded."count", "sum" = "${t}"."sum" + excluded."sum", ` +
    `"min" = ${least(engine)}("${t}"."min", excluded."min"), "max" = ${greatest(engine)}("${t}"."max", excluded."max"), ` +
    `${newer(engine, t, "last")}, "lastTimestamp" = ${greatest(engine)}("${t}"."lastTimestamp", excluded."lastTimestamp")`
  );
}

/** Creates the batch's series that are new, keeps each one's newest point, and answers every ID. */
export function upsertSeries(engine: Engine, rows: number): string {
  const t = "MetricSeries";
  return (
    `INSERT INTO "${t}" (${quoted(SERIES_COLUMNS)}) VALUES ${values(engine, SERIES_COLUMNS.length, rows)} ` +
    `ON CONFLICT ("accountId", "key") DO UPDATE SET ${newer(engine, t, "last")}, ` +
    `"lastTimestamp" = ${greatest(engine)}("${t}"."lastTimestamp", excluded."lastTimestamp") ` +
    `RETURNING "id", "key"`
  );
}

export function claimIdempotencyKey(engine: Engine): string {
  const marks = engine === "sqlite" ? "?, ?, ?" : "$1, $2, $3";
  return `INSERT INTO "IdempotencyKey" ("accountId", "key", "created") VALUES (${marks}) ON CONFLICT DO NOTHING`;
}
