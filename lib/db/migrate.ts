import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// Applies prisma/migrations/<engine>/*/migration.sql in order, one transaction per file, and keeps
// Prisma's `_prisma_migrations` bookkeeping so `prisma migrate deploy` can take over wherever the
// native schema engine is available (docs/decisions/002).

const BOOKKEEPING = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

// Any constant: serialises migrators of several app nodes starting at once on PostgreSQL.
const PG_LOCK_KEY = 72_707_369;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsFor(engine: "sqlite" | "postgres", root = "prisma/migrations"): Migration[] {
  const dir = path.resolve(root, engine);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}

export async function migrateSqlite(url: string, root?: string): Promise<string[]> {
  const file = sqliteFile(url);
  const database = new Database(file, { timeout: 10_000 });
  try {
    database.pragma("journal_mode = WAL");
    database.exec(BOOKKEEPING.sqlite);
    const applied = new Set(
      database
        .prepare(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const done: string[] = [];
    for (const migration of migrationsFor("sqlite", root)) {
      if (applied.has(migration.name)) continue;
      database
        .transaction(() => {
          database.exec(migration.sql);
          database
            .prepare(
              `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
            )
            .run(randomUUID(), migration.checksum, migration.name);
        })
        .immediate();
      done.push(migration.name);
    }
    return done;
  } finally {
    database.close();
  }
}

export async function migratePostgres(url: string, root?: string): Promise<string[]> {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  try {
    await connection.query("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    await connection.query(BOOKKEEPING.postgres);
    const { rows } = await connection.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const done: string[] = [];
    for (const migration of migrationsFor("postgres", root)) {
      if (applied.has(migration.name)) continue;
      await connection.query("BEGIN");
      try {
        await connection.query(migration.sql);
        await connection.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await connection.query("COMMIT");
      } catch (error) {
        await connection.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await connection.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]).catch(() => undefined);
    await connection.end();
  }
}

export function migrate(databaseUrl: string, root?: string): Promise<string[]> {
  return /^postgres(ql)?:\/\//.test(databaseUrl)
    ? migratePostgres(databaseUrl, root)
    : migrateSqlite(databaseUrl, root);
}
