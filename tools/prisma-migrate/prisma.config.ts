// Used only by scripts/db/diff-migration.ts: Prisma 6's WebAssembly schema engine ("js") driven
// through a driver adapter, so `migrate diff` works without downloading a native engine.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = process.env.DIFF_URL ?? "file:./shadow.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    url.startsWith("postgres") ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url }),
});
