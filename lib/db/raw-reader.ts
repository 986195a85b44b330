import Database from "better-sqlite3";
import pg from "pg";
import { env } from "../env";
import type { Dialect, Value } from "./where";

// The raw reader: the hottest reads (a token by its hash on every request, a device, a page of
// devices) as plain SQL on a connection of their own, outside Prisma, whose per-query cost was
// most of those requests' time (npm run bench:api, docs/decisions/006). It only reads committed
// data: on SQLite a second, query-only connection (WAL lets it read beside the writer), on
// PostgreSQL a small pool of its own. What it reads and how rows map is declared once per record
// (records.ts); the conditions it filters by are shared with Prisma's path (where.ts).

/** A row as the values of its columns, in the SELECT's order (arrays materialise faster than objects). */
export type Row = unknown[];

export interface RawReader {
  dialect: Dialect;
  all(sql: string, params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** SQLite keeps DateTime as ISO text with a `+00:00` offset (Prisma's iso8601): SQL binds it so. */
export const sqliteTime = (time: Date): string => time.toISOString().replace("Z", "+00:00");

const sqliteDialect: Dialect = {
  placeholder: () => "?",
  bind: (value: Value) =>
    value instanceof Date ? sqliteTime(value) : typeof value === "boolean" ? Number(value) : value,
  like: "LIKE",
};

const postgresDialect: Dialect = {
  placeholder: (index) => `$${index}`,
  bind: (value: Value) => value,
  like: "ILIKE",
};

/** The SQL dialect of the configured engine: the reader's, and that of the few raw writes. */
export const sqlDialect = (): Dialect => (env().engine === "sqlite" ? sqliteDialect : postgresDialect);

/** Prepared statements by their text; bounded, since `in` lists of each length are new texts. */
const MAX_STATEMENTS = 500;

function sqliteReader(file: string): RawReader {
  const connection = new Database(file, { timeout: 10_000 });
  connection.pragma("query_only = true");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, (statement = connection.prepare(sql).raw(true)));
    }
    return statement;
  };
  return {
    dialect: sqliteDialect,
    all: async (sql, params) => prepared(sql).all(...params) as Row[],
    close: async () => void connection.close(),
  };
}

// Prisma keeps DateTime in `timestamp(3)` (no zone) holding UTC; pg would read it as local time.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function postgresReader(connectionString: string): RawReader {
  const pool = new pg.Pool({ connectionString, max: 4, types });
  // Named statements are parsed and planned once per connection; past the bound, texts go unnamed.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name && names.size < MAX_STATEMENTS) names.set(sql, (name = `fp${names.size}`));
    return name;
  };
  return {
    dialect: postgresDialect,
    all: async (sql, params) =>
      (await pool.query({ name: nameOf(sql), text: sql, values: params, rowMode: "array" })).rows as Row[],
    close: () => pool.end(),
  };
}

let reader: RawReader | undefined;

export function rawReader(): RawReader {
  const { engine, databaseUrl } = env();
  reader ??= engine === "sqlite" ? sqliteReader(databaseUrl.replace(/^file:/, "")) : postgresReader(databaseUrl);
  return reader;
}

export async function closeRawReader(): Promise<void> {
  await reader?.close();
  reader = undefined;
}
