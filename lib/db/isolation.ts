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
// This wrapper closes the gap where every statement passes, the adapter (docs/decisions/010):
// a statement outside a transaction waits until none is open, then runs. better-sqlite3 runs a
// statement synchronously, so nothing can open a transaction between the wait and the run.

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

class Gate {
  /** Settles when the open transaction ends; null while none is open. */
  private ended: Promise<void> | null = null;

  async whenFree(): Promise<void> {
    while (this.ended) await this.ended;
  }

  /** Takes the gate; the returned function gives it back. */
  async take(): Promise<() => void> {
    await this.whenFree();
    let end!: () => void;
    this.ended = new Promise((resolve) => (end = resolve));
    return () => {
      this.ended = null;
      end();
    };
  }
}

function outsideTransaction(): void {
  // Such a statement would wait for the very transaction it runs in: fail at once instead.
  if (openHere.getStore()?.open)
    throw new Error("A statement on the root client ran inside a transaction: use the transaction's client");
}

class IsolatedAdapter implements SqlDriverAdapter {
  /** Only one connection needs it; a pool gives each transaction a connection of its own. */
  private readonly gate: Gate | undefined;
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    oneConnection: boolean,
  ) {
    this.gate = oneConnection ? new Gate() : undefined;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery) {
    outsideTransaction();
    await this.gate?.whenFree();
    return this.inner.queryRaw(query);
  }

  async executeRaw(query: SqlQuery) {
    outsideTransaction();
    await this.gate?.whenFree();
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string) {
    await this.gate?.whenFree();
    return this.inner.executeScript(script);
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
 * `oneConnection`: the driver shares one connection (SQLite), so statements wait for the open
 * transaction; on a pool (PostgreSQL) only the misuse check applies.
 */
export function isolated(factory: SqlDriverAdapterFactory, oneConnection: boolean): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new IsolatedAdapter(await factory.connect(), oneConnection),
  };
}
