import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { migrate } from "../../lib/db/migrate";

// Each test file gets its own database before any application module reads the environment.
const dir = path.resolve(".test-data");
const name = `t${randomBytes(6).toString("hex")}`;
const dataDir = path.join(dir, name);
mkdirSync(dataDir, { recursive: true });
process.env.DATA_DIR = dataDir;
process.env.PORT = "3000";

async function postgresDatabase(adminUrl: string): Promise<string> {
  const host = new URL(adminUrl).hostname;
  // A guard like dub's: tests create and drop databases, so only ever on this machine.
  if (!["localhost", "127.0.0.1", "::1"].includes(host)) throw new Error(`Refusing to run tests against ${host}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

if (process.env.TEST_ENGINE === "postgres") {
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  process.env.DATABASE_URL = await postgresDatabase(adminUrl);
  await migrate(process.env.DATABASE_URL);
  afterAll(async () => {
    const { disconnect } = await import("../../lib/db/client");
    await disconnect();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // FORCE cannot end an autovacuum worker (it runs as the superuser) busy with the file's tables; a
    // plain DROP stops it, now that the file's own connections have closed.
    const drop = (force: string) => admin.query(`DROP DATABASE IF EXISTS ${name}${force}`);
    await drop(" WITH (FORCE)").catch(() => drop(""));
    await admin.end();
  });
} else {
  const file = path.join(dataDir, "test.db");
  copyFileSync(path.join(dir, "base.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    const { disconnect } = await import("../../lib/db/client");
    await disconnect();
  });
}
