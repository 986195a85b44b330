import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { Gate, isolated, markedAsTransaction, outsideTransaction } from "./isolation";
import { closeRawReader } from "./raw-reader";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient, type Prisma } from "./generated/sqlite/client";

// Prisma cannot switch provider at run time, so each engine has its own generated client from one
// source schema (docs/decisions/002). Their model APIs are identical; the rest of the code is
// typed against the SQLite client and the engine is chosen here, once.

export type Db = PrismaClient;
/** The root client or an interactive transaction: data-access functions accept either. */
export type Queryable = Prisma.TransactionClient | PrismaClient;
/** An interactive transaction's client, as transaction() hands it to its work. */
export type Transaction = Prisma.TransactionClient;

/**
 * `root`: what db() answers. `unguarded`: the same connection without the root guard, where
 * transactions start, so their clients carry no guard.
 */
let clients: { root: Db; unguarded: Db } | undefined;
/** SQLite's one connection admits one transaction at a time (decision 011). */
let gate: Gate | undefined;

/** Prisma's "unique constraint failed", from either engine's client. */
export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/** Whether `q` is the root client: outside a transaction, where the raw reader may serve a read. */
export const isRoot = (q: Queryable): q is Db => q === clients?.root;

function connect(): Db {
  const { engine, databaseUrl } = env();
  if (engine === "postgres") {
    const pg = new PostgresClient({ adapter: isolated(new PrismaPg({ connectionString: databaseUrl }), undefined) });
    return pg as unknown as Db;
  }
  // better-sqlite3's busy timeout; WAL mode is set (and persists in the file) by the migrator.
  gate = new Gate();
  const adapter = isolated(new PrismaBetterSqlite3({ url: databaseUrl, timeout: 10_000 }), gate);
  return new PrismaClient({ adapter });
}

/**
 * Refuses the root client inside a transaction's callback as each operation is issued, in its
 * caller's async context: the adapter cannot, since Prisma sends the findUnique calls of one tick
 * together from the context of the first, which may be another request's transaction.
 */
function guarded(unguarded: Db): { root: Db; unguarded: Db } {
  const root = unguarded.$extends({
    query: {
      $allOperations({ args, query }) {
        outsideTransaction();
        return query(args);
      },
    },
  });
  return { root: root as unknown as Db, unguarded };
}

/** The process-wide clients (one connection, so hot reloads and tests never multiply them). */
function connected(): { root: Db; unguarded: Db } {
  clients ??= guarded(connect());
  return clients;
}

export const db = (): Db => connected().root;

/**
 * Runs synchronous work on a SQLite connection other than Prisma's while no Prisma transaction is
 * open (a metric batch's writes, decision 012): otherwise the two connections' write locks would
 * wait on each other on one thread. On PostgreSQL there is nothing to wait for.
 */
export async function outsidePrismaTransactions<T>(work: () => T): Promise<T> {
  db();
  return gate ? gate.exclusive(work) : work();
}

/** Connections of the data-access layer's own (outside Prisma), closed with the client. */
const closers = new Set<() => Promise<void>>([closeRawReader]);
export const closeOnDisconnect = (close: () => Promise<void>) => void closers.add(close);

export async function disconnect(): Promise<void> {
  for (const close of closers) await close();
  await clients?.root.$disconnect();
  clients = undefined;
  gate = undefined;
}

/**
 * Runs `work` in one transaction. On SQLite no other statement runs until it ends (decision 011);
 * inside it, every statement must use `tx`: the root client there fails at once.
 */
export function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return connected().unguarded.$transaction((tx) => markedAsTransaction(() => work(tx)), {
    timeout: 20_000,
    maxWait: 20_000,
  });
}
