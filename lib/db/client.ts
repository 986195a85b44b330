import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { isolated, markedAsTransaction } from "./isolation";
import { closeRawReader } from "./raw-reader";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient, type Prisma } from "./generated/sqlite/client";

// Prisma cannot switch provider at run time, so each engine has its own generated client from one
// source schema (docs/decisions/002). Their model APIs are identical; the rest of the code is
// typed against the SQLite client and the engine is chosen here, once.

export type Db = PrismaClient;
/** The root client or an interactive transaction: data-access functions accept either. */
export type Queryable = Prisma.TransactionClient | PrismaClient;

let client: Db | undefined;

/** Whether `q` is the root client: outside a transaction, where the raw reader may serve a read. */
export const isRoot = (q: Queryable): q is Db => q === client;

function connect(): Db {
  const { engine, databaseUrl } = env();
  if (engine === "postgres") {
    const pg = new PostgresClient({ adapter: isolated(new PrismaPg({ connectionString: databaseUrl }), false) });
    return pg as unknown as Db;
  }
  // better-sqlite3's busy timeout; WAL mode is set (and persists in the file) by the migrator.
  const adapter = isolated(new PrismaBetterSqlite3({ url: databaseUrl, timeout: 10_000 }), true);
  return new PrismaClient({ adapter });
}

/** The process-wide client (one, so hot reloads and tests never multiply connections). */
export function db(): Db {
  client ??= connect();
  return client;
}

export async function disconnect(): Promise<void> {
  await closeRawReader();
  await client?.$disconnect();
  client = undefined;
}

/**
 * Runs `work` in one transaction. On SQLite no other statement runs until it ends (decision 010);
 * inside it, every statement must use `tx`: the root client there fails at once.
 */
export function transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction((tx) => markedAsTransaction(() => work(tx)), { timeout: 20_000, maxWait: 20_000 });
}
