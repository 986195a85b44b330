import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { findAccount } from "../../lib/db/accounts";
import { recordAudit } from "../../lib/db/audit";
import { db, transaction } from "../../lib/db/client";
import { env } from "../../lib/env";
import { claimIfUnclaimed, findAccountDevice, returnToPool, updateAccountDevice } from "../../lib/db/devices";
import { claimedDevice, tenant } from "./fixtures";
import { call, unique } from "./client";

// Two requests at once: one holds a transaction open, writes and rolls back; the other, outside
// any transaction, writes an audit row and reads. The second must neither join the first's
// transaction (its row would vanish with the rollback) nor read what the first never committed.

class RolledBack extends Error {}

/** A promise and what settles it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Event-loop turns, enough for a statement that is free to run to finish. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function whileTransactionOpen<T>(
  write: Parameters<typeof transaction>[0],
  other: () => Promise<T>,
  outcome: "rollback" | "commit" = "rollback",
) {
  let opened!: () => void;
  let release!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  const open = transaction(async (tx) => {
    await write(tx);
    opened();
    await held;
    if (outcome === "rollback") throw new RolledBack();
  });
  await isOpen;
  const outside = other();
  // Whatever the other request may do while the transaction is open, it has done by now.
  await Promise.race([outside, turns(50)]);
  release();
  if (outcome === "rollback") await expect(open).rejects.toBeInstanceOf(RolledBack);
  else await open;
  return outside;
}

describe("statements outside a transaction", () => {
  it("keep their own writes when another request's transaction rolls back", async () => {
    const session = await tenant();
    const device = await claimedDevice(session);
    const requestId = unique("audit");
    await whileTransactionOpen(
      (tx) => updateAccountDevice(tx, session.accountId, device, { name: "never committed" }),
      () =>
        recordAudit(db(), {
          accountId: session.accountId,
          actor: { kind: "system", id: "", label: "test" },
          action: "auth.login_failed",
          requestId,
        }),
    );
    expect(await db().auditEvent.count({ where: { requestId } })).toBe(1);
  });

  it("never read another request's uncommitted rows", async () => {
    const session = await tenant();
    const device = await claimedDevice(session);
    const before = (await findAccountDevice(db(), session.accountId, device))!.name;
    const seen = await whileTransactionOpen(
      (tx) => updateAccountDevice(tx, session.accountId, device, { name: "never committed" }),
      async () => (await db().device.findFirst({ where: { id: device } }))!.name,
    );
    expect(seen).toBe(before);
    expect((await findAccountDevice(db(), session.accountId, device))!.name).toBe(before);
  });

  // SQLite's gate only: on PostgreSQL transactions run side by side and statements never wait.
  it.skipIf(env().engine === "postgres")(
    "wait for the open transaction only, not for the ones queued behind it",
    async () => {
      const session = await tenant();
      const device = await claimedDevice(session);
      const gates = [signal(), signal()];
      const opened = [signal(), signal()];
      const hold = (index: number) =>
        transaction(async (tx) => {
          await updateAccountDevice(tx, session.accountId, device, { name: `transaction ${index}` });
          opened[index]!.resolve();
          await gates[index]!.promise;
        });
      const first = hold(0);
      await opened[0]!.promise;
      const second = hold(1); // queued behind the first
      // Prisma runs a query when it is awaited: `then` sends it now.
      const statement = db()
        .device.findFirst({ where: { id: device } })
        .then((found) => found!.name);
      gates[0]!.resolve();
      await first;
      // The statement ran as the first transaction ended, before the second could begin.
      expect(await statement).toBe("transaction 0");
      await opened[1]!.promise;
      gates[1]!.resolve();
      await second;
    },
  );

  it("of another request run even when Prisma sends them along with a transaction's own", async () => {
    // Prisma batches the findUnique calls of one tick and sends them from the async context of the
    // first: here the transaction's, while the root client's lookup belongs to another request.
    const session = await tenant();
    const inAnotherRequest = AsyncLocalStorage.snapshot();
    let other!: Promise<string | undefined>;
    const own = await transaction(async (tx) => {
      const first = findAccount(tx, session.accountId).then((account) => account?.id);
      other = inAnotherRequest(() =>
        findAccount(db(), session.accountId).then(
          (account) => account?.id,
          (error: Error) => error.message,
        ),
      );
      return first;
    });
    expect([own, await other]).toEqual([session.accountId, session.accountId]);
  });

  it("are refused inside a transaction, where they would wait for it forever", async () => {
    const session = await tenant();
    await expect(
      transaction(async () => db().device.count({ where: { accountId: session.accountId } })),
    ).rejects.toThrow(/inside a transaction/);
  });
});

describe("device/update", () => {
  it("never renames a device released and claimed by another account while the rename was under way", async () => {
    const [former, next] = [await tenant(), await tenant()];
    const device = await claimedDevice(former);
    const rename = await whileTransactionOpen(
      async (tx) => {
        await returnToPool(tx, device, former.accountId);
        await claimIfUnclaimed(tx, device, next.accountId, undefined, new Date());
      },
      () => call("/api/device/update", { token: former.token, body: { id: device, name: "former's rename" } }),
      "commit",
    );
    expect(rename.status).toBe(404);
    expect((await findAccountDevice(db(), next.accountId, device))!.name).not.toBe("former's rename");
  });
});
