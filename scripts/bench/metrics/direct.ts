import Database from "better-sqlite3";
import pg from "pg";
import type { storeBatch } from "../../../lib/db/metrics/store";

// The database without Fleetport in between: the engine's own driver (better-sqlite3, pg) with
// prepared statements. It runs ingest's own writer (lib/db/metrics/store.ts) through a stand-in
// for the two raw-SQL methods it calls, so the floor and the loader write exactly the rows and
// statements ingest writes — only Prisma, the pipeline and HTTP are missing.

/** What storeBatch writes through: a Prisma transaction client, of which it calls two methods. */
export type Writer = Parameters<typeof storeBatch>[0];

export interface DirectConnection {
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK on an error). */
  transaction(work: (writer: Writer) => Promise<void>): Promise<void>;
  release(): void;
}

export interface Direct {
  engine: "sqlite" | "postgres";
  /** A connection for one concurrent client. */
  connect(): Promise<DirectConnection>;
  close(): Promise<void>;
}

const asWriter = (methods: {
  $queryRawUnsafe: (sql: string, ...params: unknown[]) => Promise<unknown[]>;
  $executeRawUnsafe: (sql: string, ...params: unknown[]) => Promise<number>;
}) => methods as unknown as Writer;

/**
 * SQLite: one connection, as the server has, whose transactions take turns (SQLite has one writer,
 * and the server's gate does the same, decision 011); WAL mode is already set by the migrator.
 */
function sqlite(file: string): Direct {
  const database = new Database(file, { timeout: 10_000 });
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = database.prepare(sql)));
    return statement;
  };
  const writer = asWriter({
    $queryRawUnsafe: async (sql, ...params) => prepared(sql).all(...params),
    $executeRawUnsafe: async (sql, ...params) => prepared(sql).run(...params).changes,
  });
  let turn: Promise<void> = Promise.resolve();
  const connection: DirectConnection = {
    transaction(work) {
      const mine = turn.then(async () => {
        database.exec("BEGIN");
        try {
          await work(writer);
          database.exec("COMMIT");
        } catch (error) {
          database.exec("ROLLBACK");
          throw error;
        }
      });
      turn = mine.catch(() => {});
      return mine;
    },
    release() {},
  };
  return { engine: "sqlite", connect: async () => connection, close: async () => void database.close() };
}

/** PostgreSQL: a connection per client; each statement is named, so parsed and planned once per connection. */
function postgres(url: string): Direct {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const names = new Map<string, string>();
  const named = (text: string, values: unknown[]) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `bench_${names.size}`));
    return { name, text, values };
  };
  return {
    engine: "postgres",
    async connect() {
      const client = await pool.connect();
      const writer = asWriter({
        $queryRawUnsafe: async (sql, ...params) => (await client.query(named(sql, params))).rows,
        $executeRawUnsafe: async (sql, ...params) => (await client.query(named(sql, params))).rowCount ?? 0,
      });
      return {
        async transaction(work) {
          await client.query("BEGIN");
          try {
            await work(writer);
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw error;
          }
        },
        release: () => client.release(),
      };
    },
    close: () => pool.end(),
  };
}

export const openDirect = (engine: "sqlite" | "postgres", databaseUrl: string): Direct =>
  engine === "sqlite" ? sqlite(databaseUrl.replace(/^file:/, "")) : postgres(databaseUrl);
