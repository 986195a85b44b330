import { AsyncLocalStorage } from "node:async_hooks";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

// On SQLite every Prisma statement runs on one better-sqlite3 connection. The driver adapter
// serialises interactive transactions against each other, but a statement outside them runs on
// the same connection at once, and so inside whichever transaction happens to be open: it reads
// that transaction's uncommitted rows, and its writes vanish when that transaction rolls back.
// This wrapper closes the gap where every statement passes, the adapter (docs/decisions/011):
// a statement outside a transaction waits until none is open, then runs. better-sqlite3 runs a
// statement synchronously, so a statement started while no transaction is open ends before one
// can begin.
//
// A root-client statement made inside a transaction is refused where it is issued (the root
// client's query extension in the client module), not here: Prisma batches the findUnique calls
// of one tick and sends all of them from the async context of the first, so the context a
// statement reaches the adapter in may be another request's transaction (decision 011).

/** The transaction the current async context runs in, while it is open. */
const openHere = new AsyncLocalStorage<{ open: boolean }>();

/** Runs `work` marked as inside a transaction, so a stray root statement in it fails at once. */
export async function markedAsTransaction<T>(work: () => Promise<T>): Promise<T> {
  const mark = { open: true };
  try {
    return await openHere.run(mark, work);
  } finally {
    mark.open = false;
  }
}

/**
 * One open transaction at a time; statements outside it run when none is open. A statement that
 * arrives while one is open runs the moment it ends, before the next transaction begins: it is
 * one synchronous step, where a transaction holds the connection for many, so it waits for one
 * transaction at most, never for the whole queue (npm run bench:writes, decision 011).
 */
export class Gate {
  private held = false;
  private readonly statements: Array<() => void> = [];
  private readonly transactions: Array<() => void> = [];

  run<T>(statement: () => Promise<T>): Promise<T> {
    if (!this.held) return statement();
    return new Promise<T>((resolve, reject) => this.statements.push(() => void statement().then(resolve, reject)));
  }

  /**
   * Runs synchronous driver-level work (a transaction on a connection of its own) while no Prisma
   * transaction is open: being synchronous, nothing else runs until it ends.
   */
  async exclusive<T>(work: () => T): Promise<T> {
    outsideTransaction();
    const release = await this.take();
    try {
      return work();
    } finally {
      release();
    }
  }

  /** Takes the gate for a transaction; the returned function gives it back, once. */
  take(): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => this.transactions.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held = false;
      // Each starts its statement here and now, synchronously: none can slip behind the next.
      for (const statement of this.statements.splice(0)) statement();
      const next = this.transactions.shift();
      if (next) {
        this.held = true;
        next();
      }
    };
  }
}

/** Refuses root-client work from inside a transaction's callback: it would wait for that very transaction. */
export function outsideTransaction(): void {
  if (openHere.getStore()?.open)
    throw new Error("A statement on the root client ran inside a transaction: use the transaction's client");
}

class IsolatedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly gate: Gate | undefined,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.statement(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.statement(() => this.inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.statement(() => this.inner.executeScript(script));
  }

  private statement<T>(run: () => Promise<T>): Promise<T> {
    return this.gate ? this.gate.run(run) : run();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    outsideTransaction(); // a nested transaction would wait for its parent forever
    const release = (await this.gate?.take()) ?? (() => {});
    try {
      return releasing(await this.inner.startTransaction(isolationLevel), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  dispose() {
    return this.inner.dispose();
  }
}

/** The driver's transaction, giving the gate back when it ends either way. */
function releasing(transaction: Transaction, release: () => void): Transaction {
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      release();
    }
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: end(() => transaction.commit()),
    rollback: end(() => transaction.rollback()),
    ...(transaction.createSavepoint && {
      createSavepoint: (name: string) => transaction.createSavepoint!(name),
      rollbackToSavepoint: (name: string) => transaction.rollbackToSavepoint!(name),
      releaseSavepoint: (name: string) => transaction.releaseSavepoint!(name),
    }),
  };
}

/**
 * A driver adapter factory whose statements never run inside another request's transaction.
 * `gate`: the driver shares one connection (SQLite), so statements wait for the open transaction;
 * on a pool (PostgreSQL, no gate) only the misuse check applies.
 */
export function isolated(factory: SqlDriverAdapterFactory, gate: Gate | undefined): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new IsolatedAdapter(await factory.connect(), gate),
  };
}
