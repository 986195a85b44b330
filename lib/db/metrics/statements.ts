// The SQL of metric ingest, per engine (decision 012): fixed texts, prepared once per connection.
// SQLite runs them row by row inside one synchronous transaction (a prepared statement costs
// microseconds per row there); PostgreSQL takes each table's rows as column arrays in one
// statement (unnest), so a batch is a handful of round trips whatever its size. The benchmark's
// floor writes the same rows with the same statements (scripts/bench/metrics.ts).

export type Engine = "sqlite" | "postgres";

// SQLite's two-argument min()/max() are PostgreSQL's LEAST()/GREATEST().
const least = (engine: Engine) => (engine === "sqlite" ? "min" : "LEAST");
const greatest = (engine: Engine) => (engine === "sqlite" ? "max" : "GREATEST");

/** The newer of two (value, time) pairs wins; a tie goes to the write arriving later. */
const newer = (table: string, column: string) =>
  `"${column}" = CASE WHEN excluded."lastTimestamp" >= "${table}"."lastTimestamp" ` +
  `THEN excluded."${column}" ELSE "${table}"."${column}" END`;

const SERIES = `INSERT INTO "MetricSeries" ("accountId", "deviceId", "namespace", "metric", "dimensions", "key", "last", "lastTimestamp", "created")`;
const POINT = `INSERT INTO "MetricPoint" ("seriesId", "timestamp", "value")`;
const ROLLUP = `INSERT INTO "MetricRollup" ("seriesId", "resolution", "bucket", "count", "sum", "min", "max", "last", "lastTimestamp")`;

function onSeriesConflict(engine: Engine): string {
  const t = "MetricSeries";
  return (
    `ON CONFLICT ("accountId", "key") DO UPDATE SET ${newer(t, "last")}, ` +
    `"lastTimestamp" = ${greatest(engine)}("${t}"."lastTimestamp", excluded."lastTimestamp") RETURNING "id", "accountId", "key"`
  );
}

function onRollupConflict(engine: Engine): string {
  const t = "MetricRollup";
  return (
    `ON CONFLICT ("seriesId", "resolution", "bucket") DO UPDATE SET ` +
    `"count" = "${t}"."count" + excluded."count", "sum" = "${t}"."sum" + excluded."sum", ` +
    `"min" = ${least(engine)}("${t}"."min", excluded."min"), "max" = ${greatest(engine)}("${t}"."max", excluded."max"), ` +
    `${newer(t, "last")}, "lastTimestamp" = ${greatest(engine)}("${t}"."lastTimestamp", excluded."lastTimestamp")`
  );
}

/** One row per execution: `created` is bound as Prisma's DateTime text. */
export const SQLITE = {
  series: `${SERIES} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ${onSeriesConflict("sqlite")}`,
  point: `${POINT} VALUES (?, ?, ?)`,
  rollup: `${ROLLUP} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ${onRollupConflict("sqlite")}`,
  key: `INSERT INTO "IdempotencyKey" ("accountId", "key", "created") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
} as const;

// Prisma keeps DateTime in PostgreSQL as `timestamp(3)` holding UTC.
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

/** Each table's rows as column arrays: $1 is the first column's array, and so on. */
export const POSTGRES = {
  series:
    `${SERIES} SELECT a, d, n, m, dims, k, l, lt, ${UTC_NOW} ` +
    `FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::bigint[]) ` +
    `AS u(a, d, n, m, dims, k, l, lt) ${onSeriesConflict("postgres")}`,
  point: `${POINT} SELECT * FROM unnest($1::int[], $2::bigint[], $3::float8[])`,
  rollup:
    `${ROLLUP} SELECT * FROM unnest($1::int[], $2::int[], $3::bigint[], $4::int[], $5::float8[], $6::float8[], ` +
    `$7::float8[], $8::float8[], $9::bigint[]) ${onRollupConflict("postgres")}`,
  key:
    `INSERT INTO "IdempotencyKey" ("accountId", "key", "created") SELECT a, k, ${UTC_NOW} ` +
    `FROM unnest($1::text[], $2::text[]) AS u(a, k) ON CONFLICT DO NOTHING RETURNING "accountId", "key"`,
} as const;
