// npm run bench:writes — what serialising transactions costs on SQLite (docs/decisions/010).
// In one process on a fresh SQLite file, through the real data layer: claim-shaped transactions
// (lock the account, update a device, write an audit row) run back to back by 1 and then by 16
// concurrent writers, while one reader issues root-client statements (Prisma) the whole time.
// Reported: transactions per second, their latency, and how long a statement outside them waits
// (against the same statement with no writer running, measured in the same run).
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(tmpdir(), "fleetport-bench-writes-"));
process.env.DATA_DIR = dir;
process.env.DATABASE_URL = `file:${dir}/bench.db`;
process.env.LOG_LEVEL = "silent";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const { migrate } = await import("../../lib/db/migrate");
const { db, transaction, disconnect } = await import("../../lib/db/client");
const { insertAccount } = await import("../../lib/db/accounts");
const { lockAccount, insertDevice, claimIfUnclaimed, updateAccountDevice } = await import("../../lib/db/devices");
const { recordAudit } = await import("../../lib/db/audit");
const { insertProduct } = await import("../../lib/db/products");
const { newId } = await import("../../lib/ids");

await migrate(process.env.DATABASE_URL);
const accountId = newId();
await insertAccount(db(), { id: accountId, name: "bench" });
const productId = newId();
await insertProduct(db(), {
  id: productId,
  accountId,
  name: "bench",
  description: "",
  tokenHash: newId(),
  tokenEncrypted: "",
  tokenPrefix: "",
});
const devices: string[] = [];
for (let i = 0; i < 64; i++) {
  const id = `W${String(i).padStart(9, "0")}`;
  await insertDevice(db(), { id, productId, name: "", description: "", model: "", test: false, version: "" });
  await claimIfUnclaimed(db(), id, accountId, undefined, new Date());
  devices.push(id);
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Root-client statements back to back until `until`, each timed. */
async function reader(until: () => boolean): Promise<number[]> {
  const waits: number[] = [];
  while (!until()) {
    const started = performance.now();
    await db().device.count({ where: { accountId } });
    waits.push(performance.now() - started);
  }
  return waits;
}

async function writer(index: number, until: () => boolean, latencies: number[]): Promise<void> {
  for (let n = 0; !until(); n++) {
    const started = performance.now();
    await transaction(async (tx) => {
      await lockAccount(tx, accountId);
      await updateAccountDevice(tx, accountId, devices[(index * 7 + n) % devices.length]!, { name: `n${n}` });
      await recordAudit(tx, {
        accountId,
        actor: { kind: "system", id: "", label: "bench" },
        action: "account.update",
      });
    });
    latencies.push(performance.now() - started);
  }
}

async function run(writers: number) {
  const end = performance.now() + SECONDS * 1000;
  const until = () => performance.now() >= end;
  const latencies: number[] = [];
  const [waits] = await Promise.all([
    reader(until),
    ...Array.from({ length: writers }, (_, index) => writer(index, until, latencies)),
  ]);
  return { writers, perSecond: latencies.length / SECONDS, latencies, waits };
}

console.log(
  `bench:writes on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${SECONDS} s each`,
);
const idle = await run(0);
console.log(`\n| writers | transactions/s | transaction p50 | p99 | root statement p50 | p99 |`);
console.log(`|---|---|---|---|---|---|`);
console.log(`| 0 | – | – | – | ${ms(percentile(idle.waits, 50))} | ${ms(percentile(idle.waits, 99))} |`);
for (const writers of [1, 16]) {
  const r = await run(writers);
  console.log(
    `| ${writers} | ${r.perSecond.toFixed(0)} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 99))} | ` +
      `${ms(percentile(r.waits, 50))} | ${ms(percentile(r.waits, 99))} |`,
  );
}
await disconnect();
