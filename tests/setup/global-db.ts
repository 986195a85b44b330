import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";

// Migrates one base SQLite file per run with the production migrator; each test file copies it.
export const TEST_DATA = path.resolve(".test-data");

export default async function setup() {
  rmSync(TEST_DATA, { recursive: true, force: true });
  mkdirSync(TEST_DATA, { recursive: true });
  await migrate(`file:${path.join(TEST_DATA, "base.db")}`);
}
